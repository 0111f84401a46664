import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityParams } from '../../../../shared/api/common.js';
import {
  createLrsCredentialBody,
  lrsCredentialList,
  lrsCredentialParams,
  lrsCredentialSchema,
  lrsCredentialSecret,
  lrsStatementExportQuery,
  lrsStatementPage,
  lrsStatementQuery,
  rotateLrsCredentialBody,
} from '../../../../shared/api/lrs.js';
import * as credentials from './lrs-credentials.service.js';
import { exportFileName, statementsCsv, statementsJson } from './lrs-statements.export.js';
import * as statements from './lrs-statements.service.js';

export function registerLrsAdminRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['lrs'];
  const creds = '/municipalities/:municipalityId/lrs/credentials';

  r.get(creds, { schema: { tags, params: municipalityParams, response: { 200: lrsCredentialList }, description: 'The credentials learning content uses for /xapi (never their secrets).' } }, (req) =>
    credentials.listMunicipalityCredentials(req.ctx, req.params.municipalityId),
  );
  r.post(
    creds,
    { schema: { tags, params: municipalityParams, body: createLrsCredentialBody, response: { 201: lrsCredentialSecret }, description: 'A new credential; the secret is in this answer only.' } },
    async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await credentials.createCredential(req.ctx, req.params.municipalityId, req.body.name)),
  );
  r.post(
    `${creds}/:credentialId/rotate`,
    {
      schema: {
        tags,
        params: lrsCredentialParams,
        body: rotateLrsCredentialBody,
        response: { 200: lrsCredentialSecret },
        description: 'A new secret, shown in this answer only; the old one keeps working for graceHours.',
      },
    },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await credentials.rotateMunicipalCredential(req.ctx, req.params.municipalityId, req.params.credentialId, req.body)),
  );
  r.post(`${creds}/:credentialId/revoke`, { schema: { tags, params: lrsCredentialParams, response: { 200: lrsCredentialSchema }, description: 'Stops the credential at once, old secrets included.' } }, (req) =>
    credentials.revokeMunicipalCredential(req.ctx, req.params.municipalityId, req.params.credentialId),
  );

  const stmts = '/municipalities/:municipalityId/lrs/statements';
  r.get(stmts, { schema: { tags, params: municipalityParams, querystring: lrsStatementQuery, response: { 200: lrsStatementPage }, description: 'Stored statements, newest first.' } }, (req) =>
    statements.browseStatements(req.ctx, req.params.municipalityId, req.query),
  );
  r.get(
    `${stmts}/export`,
    {
      schema: {
        tags,
        params: municipalityParams,
        querystring: lrsStatementExportQuery,
        response: { 200: z.any() },
        description: 'Every matching statement as CSV (one line each) or as a JSON array of the statements as stored.',
      },
    },
    async (req, reply) => {
      const source = await statements.startStatementExport(req.ctx, req.params.municipalityId, req.query);
      const csv = req.query.format === 'csv';
      return reply
        .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(req.query.format)}"`)
        .header('cache-control', 'no-store')
        .send(csv ? statementsCsv(source) : statementsJson(source));
    },
  );
}
