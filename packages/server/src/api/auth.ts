import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { ApiDeps } from './deps.ts';
import { verifyApiKey } from './keys.ts';

/** The key a request carries: `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
function presentedKey(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  const bearer = auth && /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  const header = req.headers['x-api-key'];
  return bearer || (typeof header === 'string' && header.length > 0 ? header : undefined);
}

/** Routes with `config: { admin: true }` answer 401 unless the request carries a valid API key. */
export function registerAuth(app: FastifyInstance, deps: ApiDeps, configuredKey: string | undefined): void {
  app.addHook('preValidation', async (req, reply) => {
    if (!req.routeOptions.config.admin) return;
    const key = presentedKey(req);
    const who = key && key.length <= 512 ? await verifyApiKey(deps.store, key, configuredKey) : undefined;
    if (!who) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(
        401,
        key
          ? 'the API key is not valid'
          : 'this endpoint needs an API key: Authorization: Bearer KEY or X-API-Key: KEY',
      );
    }
    req.log.info({ apiKey: who }, 'admin request');
  });
}
