import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { referenceReplies } from "../../contract/reference/replies.ts";
import { MISSISSIPPI_COUNTIES } from "../../domain/counties.ts";

/** Public reference data: no personal data, cacheable by the browser for the session. */
export const referenceRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/reference/counties",
    {
      schema: {
        tags: ["reference"],
        summary: "Mississippi's 82 counties with FIPS codes",
        response: { 200: referenceReplies.counties },
      },
    },
    async () => ({ counties: MISSISSIPPI_COUNTIES.map((c) => ({ ...c })) }),
  );
};
