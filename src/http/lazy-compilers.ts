// Request validators and response serializers compiled when first used, not while the server
// starts. Fastify compiles, before it listens, an Ajv validator for every route's body, query,
// parameters and headers and a fast-json-stringify function for every route's every response
// status (problems included): about 1,900 functions, measured at over a second of each start-up
// on this machine, most of them for answers rarely or never given. Each one here is compiled on
// its first use, and `warm()` compiles the rest in the background once the server listens, one
// per turn of the event loop, so no request waits behind the lot. The functions are fastify's own
// (its default factories, with the server's Ajv options): the same checks, the same bytes. A test
// compiles every one of them, so a schema that could not compile is found there, not by a client.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import ValidatorSelector from '@fastify/ajv-compiler';
import { BODY_VALIDATION } from './validation.js';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;

interface ValidatorRoute {
  schema: unknown;
  method: string;
  url: string;
  httpPart: string;
}
/** an Ajv validate function, as fastify calls it: true or false, the errors on the function */
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
type ValidatorFactory = (externalSchemas: unknown, options?: unknown) => (route: ValidatorRoute) => Validator;

export interface LazyCompilers {
  readonly buildSerializer: SerializerFactory;
  readonly buildValidator: ValidatorFactory;
  /** compiles every function not compiled yet, yielding between two; how many it compiled */
  warm(): Promise<number>;
}

export function lazyCompilers(): LazyCompilers {
  const pending = new Set<() => unknown>();
  /** the function `make` compiles, compiled once: on the first call of the getter, or by warm() */
  const deferred = <F>(make: () => F): (() => F) => {
    let made: F | undefined;
    const get = (): F => {
      if (made === undefined) {
        made = make();
        pending.delete(get);
      }
      return made;
    };
    pending.add(get);
    return get;
  };
  const serializers = SerializerSelector();
  const validators = (ValidatorSelector as unknown as () => ValidatorFactory)();
  return {
    buildSerializer: (externalSchemas, options) => {
      const compile = serializers(externalSchemas, options);
      return (route) => {
        const serializer = deferred<Serializer>(() => compile(route));
        return (doc) => serializer()(doc);
      };
    },
    buildValidator: (externalSchemas, options) => {
      const compileText = validators(externalSchemas, options);
      // bodies are validated without type coercion (validation.ts), the other parts with it
      const given = options as { customOptions?: Record<string, unknown> } | undefined;
      const compileBody = validators(externalSchemas, {
        ...given,
        customOptions: { ...given?.customOptions, ...BODY_VALIDATION },
      });
      return (route) => {
        const compile = route.httpPart === 'body' ? compileBody : compileText;
        // fastify lower-cases header names in its own compiler's schemas only, not in one it is
        // given: ours must be written in lower case (Node.js gives every header name so)
        if (route.httpPart === 'headers') assertLowerCaseHeaders(route);
        const validator = deferred(() => compile(route));
        const validate: Validator = (data) => {
          const compiled = validator();
          const valid = compiled(data);
          validate.errors = compiled.errors;
          return valid;
        };
        return validate;
      };
    },
    async warm() {
      let count = 0;
      for (const get of [...pending]) {
        if (!pending.has(get)) continue;
        get();
        count++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return count;
    },
  };
}

function assertLowerCaseHeaders(route: ValidatorRoute): void {
  const schema = route.schema as { properties?: Record<string, unknown>; required?: string[] };
  const names = [...Object.keys(schema.properties ?? {}), ...(schema.required ?? [])];
  const upper = names.find((name) => name !== name.toLowerCase());
  if (upper) throw new Error(`${route.method} ${route.url}: the header ${upper} must be named in lower case`);
}
