import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { formatState, hrefOf, parseState, type State } from './url-state.ts';

/**
 * Moving between views: the query string is the state (url-state.ts). `navigate` pushes a history
 * entry (or replaces the current one), and popstate (back/forward) reads the URL again.
 */
type Navigate = (next: State, options?: { replace?: boolean }) => void;

const NavigateContext = createContext<Navigate>(() => undefined);

export function useLocationState(): [State, Navigate] {
  const [state, setState] = useState<State>(() => parseState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const url = formatState(next);
    if (url === window.location.search) return;
    if (options?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setState(parseState(url));
  }, []);
  return [state, navigate];
}

export const NavigateProvider = NavigateContext.Provider;

export function useNavigate(): Navigate {
  return useContext(NavigateContext);
}

const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/** A link to another view: a real href (open in a new tab works), in-page navigation on a click. */
export function Link({
  to,
  children,
  ...rest
}: { to: State; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const navigate = useNavigate();
  return (
    <a
      {...rest}
      href={hrefOf(to)}
      onClick={(e) => {
        rest.onClick?.(e);
        if (e.defaultPrevented || !plainClick(e)) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
