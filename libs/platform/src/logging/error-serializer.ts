import { stdSerializers } from 'pino';

interface UpstreamError extends Error {
  isAxiosError?: boolean;
  code?: string;
  config?: { method?: string; url?: string };
  response?: { status?: number };
}

/**
 * Errors as log fields. An axios error carries its socket, request and config (with Authorization
 * headers): log what identifies the call, not the transport objects.
 */
export function serializeError(error: Error): object {
  const upstream = error as UpstreamError;
  if (!upstream.isAxiosError) return stdSerializers.err(error);
  const { type, message, stack } = stdSerializers.err(error);
  return {
    type,
    message,
    stack,
    code: upstream.code,
    method: upstream.config?.method,
    url: upstream.config?.url,
    status: upstream.response?.status,
  };
}
