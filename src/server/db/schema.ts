import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Kysely's view of the schema in migrations/. Keep in step with every migration.

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface NetworksTable {
  id: Generated<string>;
  name: string;
  slug: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MunicipalitiesTable {
  id: Generated<string>;
  network_id: string | null;
  country: string;
  code: string;
  name: string;
  population: number;
  size_class: ColumnType<string, never, never>;
  default_language: Generated<string>;
  anonymity_threshold: Generated<number>;
  share_national_benchmarks: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UnitsTable {
  municipality_id: string;
  id: Generated<string>;
  parent_id: string | null;
  code: string | null;
  name: string;
  kind: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  preferred_language: Generated<string>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserIdentitiesTable {
  provider: string;
  subject: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface PersonsTable {
  municipality_id: string;
  id: Generated<string>;
  employee_number: string;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  profession: string;
  position_pct: number;
  preferred_language: Generated<string>;
  user_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PersonUnitsTable {
  municipality_id: string;
  person_id: string;
  unit_id: string;
  is_primary: Generated<boolean>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  scope_type: string;
  network_id: string | null;
  municipality_id: string | null;
  unit_id: string | null;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface AuditEventsTable {
  municipality_id: string;
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface PlatformAuditEventsTable extends Omit<AuditEventsTable, 'municipality_id'> {
  network_id: string | null;
}

export interface PeopleImportsTable {
  municipality_id: string;
  id: Generated<string>;
  created_by: string | null;
  file_name: string;
  file_data: Buffer | Uint8Array;
  format: string | null;
  status: string;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  rows: Json;
  errors: Json;
  file_errors: Json;
  summary: Json | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  committed_at: Date | null;
}

export interface MunicipalityRegistryTable {
  country: string;
  code: string;
  name: string;
  population: number | null;
  region: string | null;
  source: string | null;
  imported_at: UpdatedAt;
}

export interface FrameworksTable {
  id: Generated<string>;
  key: string;
  name: Json;
  built_in: Generated<boolean>;
  created_at: CreatedAt;
}

export interface FrameworkVersionsTable {
  id: Generated<string>;
  framework_id: string;
  version: string;
  name: Json;
  description: Json | null;
  source: string | null;
  licence: string | null;
  content_hash: string;
  imported_by: string | null;
  imported_at: CreatedAt;
}

export interface FrameworkLevelsTable {
  version_id: string;
  level: number;
  name: Json;
  description: Json | null;
}

export interface FrameworkAreasTable {
  version_id: string;
  code: string;
  position: number;
  name: Json;
  description: Json | null;
}

export interface FrameworkCompetencesTable {
  version_id: string;
  code: string;
  area_code: string;
  position: number;
  name: Json;
  description: Json | null;
  digcomp_ref: string | null;
  level_descriptions: Json;
}

export interface FrameworkStatementsTable {
  version_id: string;
  code: string;
  competence_code: string;
  level: number;
  text: Json;
}

export interface RoleProfilesTable {
  municipality_id: string;
  id: Generated<string>;
  name: string;
  description: string | null;
  framework_version_id: string;
  profession: string | null;
  unit_id: string | null;
  template_key: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleProfileRequirementsTable {
  municipality_id: string;
  profile_id: string;
  competence_code: string;
  required_level: number;
}

export interface CampaignsTable {
  municipality_id: string;
  id: Generated<string>;
  name: string;
  framework_version_id: string;
  /** null: every competence of the framework version. */
  competence_codes: string[] | null;
  /** Empty: every profession. */
  target_professions: Generated<string[]>;
  include_sub_units: Generated<boolean>;
  mode: string;
  instruments: string[];
  opens_at: Date;
  closes_at: Date;
  published_at: Date | null;
  closed_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CampaignUnitsTable {
  municipality_id: string;
  campaign_id: string;
  unit_id: string;
}

export interface CampaignInvitationsTable {
  municipality_id: string;
  id: Generated<string>;
  campaign_id: string;
  person_id: string;
  instrument: string;
  unit_id: string | null;
  submitted: Generated<boolean>;
}

/** Global: SHA-256 of an invitation's link token or shared-device code. */
export interface InvitationKeysTable {
  key_hash: string;
  kind: string;
  municipality_id: string;
  invitation_id: string;
}

export interface AssessmentDraftsTable {
  municipality_id: string;
  invitation_id: string;
  competence_code: string;
  level: number | null;
  dont_know: Generated<boolean>;
  wants_training: Generated<boolean>;
  saved_at: UpdatedAt;
}

export interface IdentifiedResponsesTable {
  municipality_id: string;
  campaign_id: string;
  person_id: string;
  unit_id: string | null;
  profession: string;
  submitted_at: CreatedAt;
}

export interface IdentifiedAnswersTable {
  municipality_id: string;
  campaign_id: string;
  person_id: string;
  competence_code: string;
  level: number | null;
  wants_training: Generated<boolean>;
}

/** No person, invitation, token or time: see migrations/0004_campaigns.ts. */
export interface AnonymousResponsesTable {
  municipality_id: string;
  campaign_id: string;
  id: Generated<string>;
  unit_id: string | null;
  profession: string;
  answers: Json;
  instrument: Generated<string>;
}

export interface LeaderSurveyAnswersTable {
  municipality_id: string;
  invitation_id: string;
  item_code: string;
  option_codes: string[];
  saved_at: UpdatedAt;
}

export interface LeaderRatingsTable {
  municipality_id: string;
  campaign_id: string;
  person_id: string;
  competence_code: string;
  level: number | null;
  rated_by: string | null;
  rated_at: UpdatedAt;
}

/** Results snapshot of a closed campaign: see migrations/0005_results.ts. */
export interface CampaignResultsTable {
  municipality_id: string;
  campaign_id: string;
  threshold: number;
  respondents: number;
  survey_respondents: Generated<number>;
  computed_at: CreatedAt;
}

export interface CampaignResultUnitsTable {
  municipality_id: string;
  campaign_id: string;
  unit_id: string;
  parent_id: string | null;
  name: string;
  position: number;
}

export interface CampaignResultAtomsTable {
  municipality_id: string;
  campaign_id: string;
  atom_no: number;
  anchor_unit_id: string | null;
  profession: string | null;
  respondents: number;
  includes_other: Generated<boolean>;
  merged_unit_ids: Generated<string[]>;
}

export interface CampaignResultCellsTable {
  municipality_id: string;
  campaign_id: string;
  cell_no: number;
  unit_id: string | null;
  profession: string;
  atom_no: number;
  respondents: number;
}

export interface CampaignResultStatsTable {
  municipality_id: string;
  campaign_id: string;
  cell_no: number;
  competence_code: string;
  level_counts: number[];
  dont_know: number;
  wants_training: number;
}

export interface CampaignResultSurveyTable {
  municipality_id: string;
  campaign_id: string;
  item_code: string;
  option_code: string;
  count: number;
}

/** Global: a municipality's whole-campaign aggregates for comparisons. */
export interface BenchmarkContributionsTable {
  municipality_id: string;
  campaign_id: string;
  framework_id: string | null;
  kind: string;
  code: string;
  respondents: number;
  answered: number;
  counts: number[];
  closed_at: Date;
}

export interface LrsCredentialsTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  key: string;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_valid_until: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  rotated_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface XapiStatementsTable {
  municipality_id: string;
  id: string;
  seq: ColumnType<number, never, never>;
  stored: Date | string;
  verb_id: string;
  registration: string | null;
  agent_keys: string[];
  related_agent_keys: string[];
  activity_ids: string[];
  related_activity_ids: string[];
  ref_target: string | null;
  voids: string | null;
  voided: Generated<boolean>;
  statement: Json;
  attachment_hashes: string[] | null;
  credential_id: string | null;
}

export interface XapiAttachmentsTable {
  municipality_id: string;
  sha2: string;
  content_type: string;
  length: number;
  content: Buffer;
}

export interface XapiDocumentsTable {
  municipality_id: string;
  kind: 'state' | 'activity_profile' | 'agent_profile';
  activity_id: Generated<string>;
  agent_key: Generated<string>;
  registration: Generated<string>;
  document_id: string;
  content: Buffer;
  content_type: string;
  is_json: boolean;
  etag: string;
  updated: UpdatedAt;
}

export interface XapiActivitiesTable {
  municipality_id: string;
  activity_id: string;
  definition: Json | null;
  updated: UpdatedAt;
}

export interface AppSecretsTable {
  name: string;
  secret: Buffer;
  created_at: CreatedAt;
}

export interface PackagesTable {
  municipality_id: string;
  id: Generated<string>;
  family: 'scorm' | 'cmi5';
  identifier: string;
  title: string;
  latest_version: Generated<number>;
  reserved_version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PackageVersionsTable {
  municipality_id: string;
  id: Generated<string>;
  package_id: string;
  version: number;
  kind: 'scorm12' | 'scorm2004_2nd' | 'scorm2004_3rd' | 'scorm2004_4th' | 'cmi5';
  title: string;
  manifest: Json;
  file_count: number;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface PackageLaunchablesTable {
  municipality_id: string;
  package_version_id: string;
  position: number;
  identifier: string;
  activity_id: string;
  title: string;
  kind: 'sco' | 'asset' | 'au';
  launch_url: string;
  external: Generated<boolean>;
  details: Json;
}

export interface PackageUploadsTable {
  municipality_id: string;
  id: Generated<string>;
  file_name: string;
  size_bytes: number;
  phase: 'received' | 'unpacking' | 'validating' | 'storing' | 'stored' | 'rejected' | 'failed';
  files_done: Generated<number>;
  files_total: Generated<number>;
  phases: ColumnType<unknown, string | undefined, string>;
  reason: string | null;
  message: string | null;
  details: ColumnType<unknown, string | null | undefined, string | null>;
  package_id: string | null;
  package_version_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlayerAttemptsTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  package_id: string;
  package_version_id: string;
  kind: 'scorm12' | 'scorm2004_2nd' | 'scorm2004_3rd' | 'scorm2004_4th';
  completion_status: Generated<'not_attempted' | 'incomplete' | 'completed' | 'unknown'>;
  success_status: Generated<'unknown' | 'passed' | 'failed'>;
  score_scaled: number | null;
  total_time_seconds: Generated<number>;
  suspended: Generated<boolean>;
  current_item: string | null;
  sequencing_state: ColumnType<unknown, string | null | undefined, string | null>;
  launch_id: string | null;
  last_seq: Generated<number>;
  launch_count: Generated<number>;
  started_at: CreatedAt;
  last_launched_at: Date | null;
  updated_at: UpdatedAt;
  completed_at: Date | null;
  ended_at: Date | null;
  end_reason: 'finished' | 'restarted' | null;
}

export interface PlayerScoStatesTable {
  municipality_id: string;
  attempt_id: string;
  item_identifier: string;
  cmi: Json;
  completion_status: 'not_attempted' | 'incomplete' | 'completed' | 'unknown';
  success_status: 'unknown' | 'passed' | 'failed';
  score_scaled: number | null;
  score_raw: number | null;
  score_min: number | null;
  score_max: number | null;
  total_time_seconds: Generated<number>;
  last_exit: Generated<string>;
  sessions: Generated<number>;
  updated_at: UpdatedAt;
}

export interface PlayerStatementOutboxTable {
  municipality_id: string;
  statement_id: string;
  attempt_id: string;
  position: number;
  statement: Json;
  created_at: CreatedAt;
}

export interface PlayerGlobalObjectivesTable {
  municipality_id: string;
  person_id: string;
  objective_id: string;
  state: Json;
  updated_at: UpdatedAt;
}

export interface PlayerSharedDataTable {
  municipality_id: string;
  person_id: string;
  target_id: string;
  store: string;
  updated_at: UpdatedAt;
}

export interface Cmi5RegistrationsTable {
  municipality_id: string;
  id: string;
  package_id: string;
  package_version_id: string;
  actor: Json;
  actor_key: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface Cmi5SessionsTable {
  municipality_id: string;
  id: string;
  registration_id: string;
  au_id: string;
  au_activity_id: string;
  launch_mode: 'Normal' | 'Browse' | 'Review';
  launch_url: string;
  return_url: string | null;
  move_on: 'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed';
  mastery_score: number | null;
  launch_parameters: string | null;
  fetch_secret_hash: string;
  fetch_used_at: Date | null;
  auth_secret_hash: string | null;
  learner_prefs_fetched_at: Date | null;
  defined_verbs: Generated<string[]>;
  launched_at: CreatedAt;
  initialized_at: Date | null;
  terminated_at: Date | null;
  abandoned_at: Date | null;
  last_statement_at: Date | null;
  expires_at: Date;
  created_by: string | null;
}

export interface Cmi5AuStatesTable {
  municipality_id: string;
  registration_id: string;
  au_id: string;
  completed_at: Date | null;
  passed_at: Date | null;
  failed_at: Date | null;
  waived_at: Date | null;
  waive_reason: string | null;
}

export interface Cmi5SatisfiedTable {
  municipality_id: string;
  registration_id: string;
  node_id: string;
  kind: 'block' | 'course';
  session_id: string;
  statement_id: string;
  satisfied_at: CreatedAt;
}

// ---- learning (migration 0012) ----

export type LearningItemKind = 'course' | 'scorm' | 'cmi5' | 'xapi' | 'video' | 'link' | 'event';
export type LearningStatus = 'in_progress' | 'completed' | 'passed' | 'failed';
export type CompletionSource = 'course' | 'scorm' | 'cmi5' | 'xapi' | 'video' | 'link' | 'event' | 'manual';

export interface LearningItemsTable {
  municipality_id: string;
  id: Generated<string>;
  kind: LearningItemKind;
  owner_network_id: string | null;
  status: Generated<'draft' | 'published' | 'archived'>;
  titles: ColumnType<Record<string, string>, string, string>;
  descriptions: ColumnType<Record<string, string>, string | undefined, string>;
  languages: string[];
  duration_minutes: number | null;
  framework_version_id: string | null;
  package_id: string | null;
  url: string | null;
  xapi_activity_id: string | null;
  certificate_enabled: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LearningItemCompetencesTable {
  municipality_id: string;
  item_id: string;
  competence_code: string;
  level: number | null;
}

export interface LearningAssetsTable {
  municipality_id: string;
  id: Generated<string>;
  item_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CourseEditionsTable {
  municipality_id: string;
  item_id: string;
  language: string;
  draft: ColumnType<unknown, string, string>;
  draft_updated_at: UpdatedAt;
  draft_updated_by: string | null;
  published_version: number | null;
}

export interface CourseVersionsTable {
  municipality_id: string;
  item_id: string;
  language: string;
  version: number;
  content: ColumnType<unknown, string, never>;
  published_at: CreatedAt;
  published_by: string | null;
}

export interface LearningProgressTable {
  municipality_id: string;
  person_id: string;
  item_id: string;
  item_municipality_id: string;
  status: LearningStatus;
  language: string | null;
  course_version: number | null;
  current_lesson_id: string | null;
  score_scaled: number | null;
  started_at: CreatedAt;
  last_activity_at: UpdatedAt;
  completed_at: Date | null;
}

export interface LessonProgressTable {
  municipality_id: string;
  person_id: string;
  item_id: string;
  lesson_id: string;
  language: string;
  course_version: number;
  completed: Generated<boolean>;
  quiz_answers: ColumnType<unknown, string | null | undefined, string | null>;
  quiz_score: number | null;
  quiz_passed: boolean | null;
  quiz_attempts: Generated<number>;
  updated_at: UpdatedAt;
}

export interface LearningCompletionsTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  item_id: string;
  item_municipality_id: string;
  outcome: 'completed' | 'passed';
  score_scaled: number | null;
  source: CompletionSource;
  statement_id: string | null;
  completed_at: Date;
  recorded_at: CreatedAt;
}

export interface LearningAssignmentsTable {
  municipality_id: string;
  id: Generated<string>;
  item_id: string;
  item_municipality_id: string;
  target_kind: 'person' | 'unit' | 'profession' | 'role_profile';
  target_person_id: string | null;
  target_unit_id: string | null;
  target_profession: string | null;
  target_role_profile_id: string | null;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  due_days: number | null;
  recurrence_months: number | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  archived_at: Date | null;
}

export interface LearningRemindersTable {
  municipality_id: string;
  assignment_id: string;
  person_id: string;
  due_date: ColumnType<string, string, never>;
  kind: 'due_soon' | 'overdue';
  sent_at: CreatedAt;
}

export interface LearningSessionsTable {
  municipality_id: string;
  id: Generated<string>;
  item_id: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  online_url: string | null;
  capacity: number | null;
  cancelled_at: Date | null;
  created_at: CreatedAt;
}

export interface LearningRegistrationsTable {
  municipality_id: string;
  session_id: string;
  person_id: string;
  status: 'registered' | 'waitlisted' | 'cancelled';
  registered_at: CreatedAt;
  attended: boolean | null;
  attendance_marked_at: Date | null;
}

export interface IssuerKeysTable {
  municipality_id: string;
  id: Generated<string>;
  algorithm: 'Ed25519';
  public_jwk: ColumnType<Record<string, string>, string, never>;
  private_key_encrypted: Buffer;
  created_at: CreatedAt;
  retired_at: Date | null;
}

export interface CertificatesTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  item_id: string;
  completion_id: string;
  verification_code: string;
  language: string;
  holder_name: string;
  item_title: string;
  issued_at: CreatedAt;
  badge_jwt: string | null;
  key_id: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
}

export interface CertificateCodesTable {
  code: string;
  municipality_id: string;
  certificate_id: string;
}

export interface LearningAssignmentPeopleTable {
  municipality_id: string;
  assignment_id: string;
  person_id: string;
  item_id: string;
  base_due: string | null;
  recurrence_months: number | null;
  progress_status: LearningStatus | null;
  last_completed_at: Date | null;
}

export interface LearningTargetsStaleTable {
  municipality_id: string;
  marked_at: CreatedAt;
}

export interface DB {
  learning_assignment_people: LearningAssignmentPeopleTable;
  learning_targets_stale: LearningTargetsStaleTable;
  learning_items: LearningItemsTable;
  learning_item_competences: LearningItemCompetencesTable;
  learning_assets: LearningAssetsTable;
  course_editions: CourseEditionsTable;
  course_versions: CourseVersionsTable;
  learning_progress: LearningProgressTable;
  lesson_progress: LessonProgressTable;
  learning_completions: LearningCompletionsTable;
  learning_assignments: LearningAssignmentsTable;
  learning_reminders: LearningRemindersTable;
  learning_sessions: LearningSessionsTable;
  learning_registrations: LearningRegistrationsTable;
  issuer_keys: IssuerKeysTable;
  certificates: CertificatesTable;
  certificate_codes: CertificateCodesTable;
  cmi5_registrations: Cmi5RegistrationsTable;
  cmi5_sessions: Cmi5SessionsTable;
  cmi5_au_states: Cmi5AuStatesTable;
  cmi5_satisfied: Cmi5SatisfiedTable;
  player_attempts: PlayerAttemptsTable;
  player_sco_states: PlayerScoStatesTable;
  player_statement_outbox: PlayerStatementOutboxTable;
  player_global_objectives: PlayerGlobalObjectivesTable;
  player_shared_data: PlayerSharedDataTable;
  app_secrets: AppSecretsTable;
  packages: PackagesTable;
  package_versions: PackageVersionsTable;
  package_launchables: PackageLaunchablesTable;
  package_uploads: PackageUploadsTable;
  lrs_credentials: LrsCredentialsTable;
  xapi_statements: XapiStatementsTable;
  xapi_attachments: XapiAttachmentsTable;
  xapi_documents: XapiDocumentsTable;
  xapi_activities: XapiActivitiesTable;
  leader_ratings: LeaderRatingsTable;
  campaign_results: CampaignResultsTable;
  campaign_result_units: CampaignResultUnitsTable;
  campaign_result_atoms: CampaignResultAtomsTable;
  campaign_result_cells: CampaignResultCellsTable;
  campaign_result_stats: CampaignResultStatsTable;
  campaign_result_survey: CampaignResultSurveyTable;
  benchmark_contributions: BenchmarkContributionsTable;
  campaigns: CampaignsTable;
  campaign_units: CampaignUnitsTable;
  campaign_invitations: CampaignInvitationsTable;
  invitation_keys: InvitationKeysTable;
  assessment_drafts: AssessmentDraftsTable;
  identified_responses: IdentifiedResponsesTable;
  identified_answers: IdentifiedAnswersTable;
  anonymous_responses: AnonymousResponsesTable;
  leader_survey_answers: LeaderSurveyAnswersTable;
  role_profiles: RoleProfilesTable;
  role_profile_requirements: RoleProfileRequirementsTable;
  frameworks: FrameworksTable;
  framework_versions: FrameworkVersionsTable;
  framework_levels: FrameworkLevelsTable;
  framework_areas: FrameworkAreasTable;
  framework_competences: FrameworkCompetencesTable;
  framework_statements: FrameworkStatementsTable;
  networks: NetworksTable;
  municipalities: MunicipalitiesTable;
  units: UnitsTable;
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  persons: PersonsTable;
  person_units: PersonUnitsTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  role_grants: RoleGrantsTable;
  audit_events: AuditEventsTable;
  platform_audit_events: PlatformAuditEventsTable;
  people_imports: PeopleImportsTable;
  municipality_registry: MunicipalityRegistryTable;
}

export type Municipality = Selectable<MunicipalitiesTable>;
export type Unit = Selectable<UnitsTable>;
export type Person = Selectable<PersonsTable>;
export type User = Selectable<UsersTable>;
export type RoleGrant = Selectable<RoleGrantsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type PersonUpdate = Updateable<PersonsTable>;
