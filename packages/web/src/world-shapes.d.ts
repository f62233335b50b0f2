/** The world map's shapes, projected at build time (build/world-shapes.ts). */
declare module 'virtual:world-shapes' {
  const shapes: {
    width: number;
    height: number;
    sphere: string;
    countries: { id: string | null; name: string; d: string }[];
  };
  export default shapes;
}
