// Response serializers compiled when first used, not while the server starts. Fastify compiles a
// fast-json-stringify function for every route's every response status (problems included) before
// it listens: measured, about half a second of each start-up on this machine, most of it for
// answers rarely or never given. Each serializer here is compiled on its first answer, and
// `warm()` compiles the rest in the background once the server listens, one per turn of the
// event loop, so no request waits behind the lot. The functions are fastify's own (its default
// factory): the bytes answered are the same. A test compiles every one of them (a schema that
// could not compile is found there, not by a client).
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Factory = ReturnType<typeof SerializerSelector>;
type Compiler = ReturnType<Factory>;
type Serializer = ReturnType<Compiler>;

export interface LazySerializers {
  /** the serializer factory of the server's schema controller */
  readonly factory: Factory;
  /** compiles every serializer not compiled yet, yielding between two; how many it compiled */
  warm(): Promise<number>;
}

export function lazySerializers(): LazySerializers {
  const base = SerializerSelector();
  const pending = new Set<() => Serializer>();
  const factory: Factory = (externalSchemas, options) => {
    const compile = base(externalSchemas, options);
    return (route) => {
      let serializer: Serializer | undefined;
      const compiled = (): Serializer => {
        if (!serializer) {
          serializer = compile(route);
          pending.delete(compiled);
        }
        return serializer;
      };
      pending.add(compiled);
      return (doc) => compiled()(doc);
    };
  };
  return {
    factory,
    async warm() {
      let count = 0;
      for (const compiled of [...pending]) {
        if (!pending.has(compiled)) continue;
        compiled();
        count++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return count;
    },
  };
}
