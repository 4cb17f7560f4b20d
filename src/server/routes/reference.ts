import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { MISSISSIPPI_COUNTIES } from "../../domain/counties.ts";

const countiesReply = z.object({
  counties: z.array(z.object({ fips: z.string(), name: z.string() })),
});

/** Public reference data: no personal data, cacheable by the browser for the session. */
export const referenceRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/reference/counties",
    {
      schema: {
        tags: ["reference"],
        summary: "Mississippi's 82 counties with FIPS codes",
        response: { 200: countiesReply },
      },
    },
    async () => ({ counties: MISSISSIPPI_COUNTIES.map((c) => ({ ...c })) }),
  );
};
