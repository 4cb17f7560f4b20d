import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addPersonInput,
  editPersonInput,
  removePersonInput,
} from "../../contract/case-file/inputs.ts";
import { caseFileReplies as s } from "../../contract/case-file/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReplies } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { noContent, routeDocs } from "../http/route-docs.ts";
import { addPerson } from "../use-cases/case-file/add-person.ts";
import { editPerson } from "../use-cases/case-file/edit-person.ts";
import { removePerson } from "../use-cases/case-file/remove-person.ts";

// Unconstrained, as idParam: a malformed id answers like one that matches nothing.
const personParams = z.object({ id: z.string(), personId: z.string() });

/** The people on a case after intake (issue 13): change, add, take off, with the history. */
export const casePeopleRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["case file"], errorReplies);
    r.patch(
      "/api/v1/cases/:id/people/:personId",
      route(
        "Change a person's record on the case (fields given are set, those in `clear` emptied)",
        { params: personParams, body: editPersonInput },
        { 200: s.personChanged },
      ),
      async (req) =>
        editPerson(ctx, requireActor(req), req.params.id, req.params.personId, req.body),
    );
    r.post(
      "/api/v1/cases/:id/people",
      route(
        "Add a person to the case, in a part",
        { params: idParam, body: addPersonInput },
        { 201: s.personAdded },
      ),
      async (req, reply) =>
        reply.code(201).send(await addPerson(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.delete(
      "/api/v1/cases/:id/people/:personId",
      route(
        "Take a person off the case, with a reason (the record and its history are kept)",
        { params: personParams, body: removePersonInput },
        noContent,
      ),
      async (req, reply) => {
        await removePerson(ctx, requireActor(req), req.params.id, req.params.personId, req.body);
        return reply.code(204).send(null);
      },
    );
  };
