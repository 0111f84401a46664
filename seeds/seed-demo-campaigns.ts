import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import type { DB } from '../src/server/db/schema.js';
import { withTenant, type TenantTx } from '../src/server/db/tenant.js';
import type { RequestContext } from '../src/server/http/context.js';
import { BackgroundJobs } from '../src/server/jobs/background.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { loadPrincipal } from '../src/server/modules/access/principal.js';
import { recordAudit, SYSTEM_ACTOR } from '../src/server/modules/audit/audit.repository.js';
import { ensureBuiltInFrameworks } from '../src/server/modules/frameworks/frameworks.service.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../src/server/modules/frameworks/starter/starter-framework.js';
import * as assessments from '../src/server/modules/mapping/assessments.repository.js';
import * as campaigns from '../src/server/modules/mapping/campaigns.repository.js';
import { newInvitationToken } from '../src/server/modules/mapping/keys.js';
import { SURVEY_ITEM_CODES } from '../src/server/modules/mapping/leader-survey.js';
import { computeCampaignResults } from '../src/server/modules/results/snapshot.js';
import { createFromTemplate } from '../src/server/modules/role-profiles/role-profiles.service.js';
import { demoCampaignName } from './demo/demo-campaigns.js';
import { seededRandom } from './demo/demo-random.js';
import type { DemoCampaign, DemoMunicipality, DemoScenario } from './demo/demo-scenario.js';

// Writes the completed campaigns of the demo the way the application stores
// them: invitations made by the publishing code, responses through the submit
// path's repository functions (identified_responses + identified_answers, or
// anonymous_responses under fresh random ids with no time), leader-survey answers
// likewise, no drafts left; then the frozen results of each closed campaign via
// computeCampaignResults. Role profiles come from the templates through the
// service, acting as the municipality's admin, so the results show gaps.

const DAY = 86_400_000;

export type SeededIds = {
  municipalities: Map<string, string>;
  units: Map<string, string>;
  persons: Map<string, string>;
};

/** Role profiles per demo municipality: template, and the unit code it is limited to (none: the whole municipality). */
const PROFILE_PLAN: { templateKey: string; unitCode: string | null }[] = [
  { templateKey: 'nurse-home-care', unitCode: 'HJT' },
  { templateKey: 'health-care-worker-nursing-home', unitCode: null },
  { templateKey: 'assistant-care', unitCode: null },
  { templateKey: 'social-educator-disability', unitCode: 'TFF' },
  { templateKey: 'unit-leader', unitCode: null },
];

/** A request context for running services as a demo user at seed time (no HTTP request, no mail). */
function seedContext(db: Kysely<DB>, principal: RequestContext['principal']): RequestContext {
  return {
    db,
    config: loadConfig({ SEED_DEMO: 'never', LOG_LEVEL: 'silent' }),
    mailer: createMailer({ from: 'seed@mestring.example', log: () => {} }),
    jobs: new BackgroundJobs(console),
    log: { info: () => {}, error: (obj, msg) => console.error(msg ?? 'seed', obj) },
    principal,
    requestId: 'seed-demo',
    ip: null,
    userAgent: null,
  };
}

async function userIdByEmail(db: Kysely<DB>, email: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

async function seedRoleProfiles(db: Kysely<DB>, scenario: DemoScenario, m: DemoMunicipality, ids: SeededIds) {
  const mid = ids.municipalities.get(m.code)!;
  const existing = await withTenant(db, mid, (tx) => tx.selectFrom('role_profiles').select('id').where('municipality_id', '=', mid).limit(1).execute());
  if (existing.length > 0) return;
  const admin = scenario.accounts.find((a) => a.municipalityCode === m.code && a.grants.some((g) => g.role === 'municipal_admin'));
  const adminId = admin ? await userIdByEmail(db, admin.email) : null;
  if (!adminId) throw new Error(`demo data: no admin login for ${m.code}`);
  const ctx = seedContext(db, await loadPrincipal(db, { id: adminId }));
  for (const p of PROFILE_PLAN) {
    const unitId = p.unitCode ? (ids.units.get(`${m.code}/${p.unitCode}`) ?? null) : null;
    await createFromTemplate(ctx, mid, { templateKey: p.templateKey, unitId });
  }
}

async function starterVersionId(db: Kysely<DB>): Promise<string> {
  const find = () =>
    db
      .selectFrom('framework_versions as v')
      .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
      .select('v.id')
      .where('f.key', '=', STARTER_FRAMEWORK_KEY)
      .where('v.version', '=', STARTER_FRAMEWORK_VERSION)
      .executeTakeFirst();
  let row = await find();
  if (!row) {
    // The server and the seed command install it first; a bare database (tests) may not have it.
    await ensureBuiltInFrameworks(db);
    row = await find();
  }
  if (!row) throw new Error('the starter framework is not installed');
  return row.id;
}

type Context = {
  mid: string;
  m: DemoMunicipality;
  versionId: string;
  now: number;
  persons: Map<string, { id: string; profession: string; unitId: string | null }>;
  users: Map<string, string>;
  advisorId: string | null;
};

async function writeCampaign(tx: TenantTx, c: DemoCampaign, x: Context): Promise<string> {
  const { mid } = x;
  const opensAt = new Date(x.now - c.opensDaysAgo * DAY);
  const closesAt = new Date(x.now - c.closesDaysAgo * DAY);
  const at = (daysAgo: number, hour: number) => new Date(x.now - daysAgo * DAY + hour * 3_600_000);
  const { id: campaignId } = await tx
    .insertInto('campaigns')
    .values({
      municipality_id: mid,
      name: demoCampaignName(c.language, opensAt),
      framework_version_id: x.versionId,
      competence_codes: null,
      mode: c.mode,
      instruments: c.instruments,
      opens_at: opensAt,
      closes_at: closesAt,
      published_at: opensAt,
      closed_at: closesAt,
      created_by: x.advisorId,
      created_at: new Date(opensAt.getTime() - 9 * DAY),
      updated_at: closesAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Publishing: one invitation per targeted person and instrument, as the service makes them.
  const campaign = (await campaigns.findCampaign(tx, mid, campaignId))!;
  const targets = await campaigns.targetPersons(tx, mid, campaign);
  const invitations = new Map<string, string>();
  const made = await campaigns.insertInvitations(tx, mid, campaignId, targets, newInvitationToken, 'self_assessment');
  for (const i of made) invitations.set(`self_assessment/${i.personId}`, i.invitationId);
  if (c.instruments.includes('leader_survey')) {
    const leaders = await campaigns.insertInvitations(tx, mid, campaignId, targets.filter((t) => t.is_leader), newInvitationToken, 'leader_survey');
    for (const i of leaders) invitations.set(`leader_survey/${i.personId}`, i.invitationId);
  }
  const person = (employeeNumber: string) => {
    const p = x.persons.get(employeeNumber);
    if (!p) throw new Error(`demo data: no person ${x.m.code}/${employeeNumber}`);
    return p;
  };
  const invitation = (instrument: string, personId: string) => {
    const id = invitations.get(`${instrument}/${personId}`);
    if (!id) throw new Error(`demo data: ${personId} was not invited to the ${instrument} of ${x.m.code}/${c.key}`);
    return id;
  };

  // Submissions, through the repository functions of the submit path.
  const submittedAt: { personId: string; at: Date }[] = [];
  for (const r of c.responses) {
    const p = person(r.employeeNumber);
    const response = { campaignId, unitId: p.unitId, profession: p.profession, answers: r.answers };
    if (c.mode === 'anonymous') await assessments.insertAnonymousResponse(tx, mid, response);
    else {
      await assessments.insertIdentifiedResponse(tx, mid, { ...response, personId: p.id });
      submittedAt.push({ personId: p.id, at: at(r.submittedDaysAgo, 7 + (Number(r.employeeNumber) % 12)) });
    }
    await assessments.markSubmitted(tx, mid, invitation('self_assessment', p.id));
  }
  // Leader surveys in a shuffled order (order of insertion is no one's business).
  const survey = [...c.leaderSurvey];
  const shuffle = seededRandom(survey.length * 7919 + c.closesDaysAgo);
  for (let i = survey.length - 1; i > 0; i--) {
    const j = shuffle.int(0, i);
    [survey[i], survey[j]] = [survey[j]!, survey[i]!];
  }
  for (const s of survey) {
    const p = person(s.employeeNumber);
    const inv = invitation('leader_survey', p.id);
    const answers = SURVEY_ITEM_CODES.map((itemCode) => ({ itemCode, optionCodes: s.answers[itemCode] ?? [] }));
    if (c.mode === 'anonymous') {
      await assessments.insertAnonymousSurveyResponse(tx, mid, { campaignId, unitId: p.unitId, profession: p.profession, answers });
    } else {
      const rows = answers.map((a) => ({ item_code: a.itemCode, option_codes: a.optionCodes }));
      await assessments.saveSurveyAnswers(tx, mid, inv, rows, [], at(s.submittedDaysAgo, 13));
    }
    await assessments.markSubmitted(tx, mid, inv);
  }
  if (c.mode === 'anonymous') await assessments.reshuffleAnonymousResponses(tx, mid, campaignId);

  // The submit path stamps identified responses with the time of submission: put them inside the window.
  if (submittedAt.length > 0) {
    await sql`
      update identified_responses r set submitted_at = v.at::timestamptz
      from (values ${sql.join(submittedAt.map((s) => sql`(${s.personId}::uuid, ${s.at.toISOString()})`))}) as v(person_id, at)
      where r.municipality_id = ${mid} and r.campaign_id = ${campaignId} and r.person_id = v.person_id`.execute(tx);
  }

  const ratings = c.leaderRatings.flatMap((r) => {
    const ratedBy = x.users.get(r.raterEmail) ?? null;
    const personId = person(r.employeeNumber).id;
    return r.ratings.map((g) => ({
      municipality_id: mid,
      campaign_id: campaignId,
      person_id: personId,
      competence_code: g.competenceCode,
      level: g.level,
      rated_by: ratedBy,
      rated_at: new Date(closesAt.getTime() + 4 * DAY),
    }));
  });
  if (ratings.length > 0) await tx.insertInto('leader_ratings').values(ratings).execute();
  return campaignId;
}

/**
 * The campaigns of one municipality, unless it has campaigns already (so a second
 * run changes nothing), then the results of each of its closed campaigns that
 * have none yet.
 */
async function seedMunicipalityCampaigns(db: Kysely<DB>, scenario: DemoScenario, m: DemoMunicipality, ids: SeededIds, versionId: string, now: number) {
  const mid = ids.municipalities.get(m.code)!;
  const list = scenario.campaigns.filter((c) => c.municipalityCode === m.code);
  const accounts = scenario.accounts.filter((a) => a.municipalityCode === m.code);
  const users = new Map<string, string>();
  for (const email of new Set([...accounts.map((a) => a.email), ...list.flatMap((c) => c.leaderRatings.map((r) => r.raterEmail))])) {
    const id = await userIdByEmail(db, email);
    if (id) users.set(email, id);
  }
  const advisor = accounts.find((a) => a.grants.some((g) => g.role === 'competence_advisor'));
  const campaignIds = await withTenant(db, mid, async (tx) => {
    const existing = await tx.selectFrom('campaigns').select('id').where('municipality_id', '=', mid).execute();
    if (existing.length > 0) return existing.map((r) => r.id);
    const rows = await tx
      .selectFrom('persons as p')
      .select([
        'p.id',
        'p.employee_number',
        'p.profession',
        (eb) =>
          eb
            .selectFrom('person_units as pu')
            .select('pu.unit_id')
            .whereRef('pu.municipality_id', '=', 'p.municipality_id')
            .whereRef('pu.person_id', '=', 'p.id')
            .orderBy('pu.is_primary', 'desc')
            .orderBy('pu.unit_id')
            .limit(1)
            .as('unit_id'),
      ])
      .where('p.municipality_id', '=', mid)
      .execute();
    const x: Context = {
      mid,
      m,
      versionId,
      now,
      persons: new Map(rows.map((r) => [r.employee_number ?? '', { id: r.id, profession: r.profession, unitId: r.unit_id }])),
      users,
      advisorId: advisor ? (users.get(advisor.email) ?? null) : null,
    };
    const made: string[] = [];
    for (const c of list) made.push(await writeCampaign(tx, c, x));
    await recordAudit(tx, mid, SYSTEM_ACTOR, {
      action: 'seed.demo',
      entityType: 'municipality',
      entityId: mid,
      after: { campaigns: list.length, responses: list.reduce((n, c) => n + c.responses.length, 0) },
    });
    return made;
  });
  for (const id of campaignIds) await computeCampaignResults(db, mid, id);
}

/** Role profiles, completed campaigns and their results for every demo and benchmark municipality. */
export async function seedDemoCampaigns(db: Kysely<DB>, scenario: DemoScenario, ids: SeededIds, now: Date): Promise<void> {
  const versionId = await starterVersionId(db);
  for (const m of scenario.municipalities) await seedRoleProfiles(db, scenario, m, ids);
  for (const m of [...scenario.municipalities, ...scenario.benchmarkMunicipalities]) {
    await seedMunicipalityCampaigns(db, scenario, m, ids, versionId, now.getTime());
  }
}
