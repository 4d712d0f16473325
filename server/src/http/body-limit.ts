import { bodyLimit } from 'hono/body-limit';
import { PlugboardError } from '../errors.ts';

export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new PlugboardError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The body is larger than the limit of ${maxSize} bytes`,
      );
    },
  });
