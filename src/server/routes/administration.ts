import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { createAgencyInput, createUserInput } from "../../contract/accounts/inputs.ts";
import { accountReplies as s } from "../../contract/accounts/replies.ts";
import { coordinationReplies } from "../../contract/coordination/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReplies } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { noContent, routeDocs } from "../http/route-docs.ts";
import { createAgency } from "../use-cases/accounts/create-agency.ts";
import { createUserAsAdmin } from "../use-cases/accounts/create-user-as-admin.ts";
import { disableUserAsAdmin } from "../use-cases/accounts/disable-user.ts";
import { listAgencies } from "../use-cases/accounts/list-agencies.ts";
import { listRoleGrants } from "../use-cases/accounts/list-role-grants.ts";
import { listStaffDirectory } from "../use-cases/accounts/list-staff-directory.ts";
import { listTaskForces } from "../use-cases/accounts/list-task-forces.ts";
import { listUsers } from "../use-cases/accounts/list-users.ts";
import { unlockUserAsAdmin } from "../use-cases/accounts/unlock-user.ts";

const ACCOUNT_CHANGES = { unlock: unlockUserAsAdmin, disable: disableUserAsAdmin } as const;

/** Agencies, accounts and the task-force directory, for administrators and coordinators. */
export const administrationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["administration"], errorReplies);
    r.get(
      "/api/v1/agencies",
      route("The agency directory (names and kinds)", {}, { 200: s.agencies }),
      async (req) => ({ agencies: await listAgencies(ctx, requireActor(req)) }),
    );
    r.post(
      "/api/v1/agencies",
      route(
        "Add an agency (system administrators)",
        { body: createAgencyInput },
        { 201: s.agencyCreated },
      ),
      async (req, reply) =>
        reply.code(201).send(await createAgency(ctx, requireActor(req), req.body)),
    );
    r.get(
      "/api/v1/users",
      route("Accounts you administer, one row per membership", {}, { 200: s.users }),
      async (req) => ({ users: await listUsers(ctx, requireActor(req)) }),
    );
    r.post(
      "/api/v1/users",
      route(
        "Create an account in an agency you administer",
        { body: createUserInput },
        { 201: s.userCreated },
      ),
      async (req, reply) =>
        reply.code(201).send(await createUserAsAdmin(ctx, requireActor(req), req.body)),
    );
    r.get(
      "/api/v1/role-grants",
      route(
        "Agencies you administer, each with the roles you may give there",
        {},
        { 200: s.roleGrants },
      ),
      async (req) => ({ grants: await listRoleGrants(ctx, requireActor(req)) }),
    );
    for (const change of ["unlock", "disable"] as const)
      r.post(
        `/api/v1/users/:id/${change}`,
        route(
          change === "unlock" ? "Lift a sign-in lockout" : "Disable an account now",
          { params: idParam },
          noContent,
        ),
        async (req, reply) => {
          await ACCOUNT_CHANGES[change](ctx, requireActor(req), req.params.id);
          return reply.code(204).send(null);
        },
      );
    r.get(
      "/api/v1/staff",
      route(
        "Staff directory (names, roles, agencies) for task forces and certifications",
        {},
        { 200: s.staff },
      ),
      async (req) => ({ staff: await listStaffDirectory(ctx, requireActor(req)) }),
    );
    r.get(
      "/api/v1/task-forces",
      route("Task forces you can see", {}, { 200: coordinationReplies.taskForces }),
      async (req) => ({ taskForces: await listTaskForces(ctx, requireActor(req)) }),
    );
  };
