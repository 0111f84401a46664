// The probe: a small Scorm2004API whose sequencer and run-time data model
// hold one instance of each class a correction patches, reached the way
// 3.4.3 keeps them (scorm-again exports only its API classes).

import { Scorm2004API } from 'scorm-again';
import type { ActivitySettings } from '../activity-tree.js';
import { ScormAgainFixError } from './patch.js';

type RuleSettings = NonNullable<NonNullable<ActivitySettings['sequencingRules']>['preConditionRules']>[number];

/** The sequencer objects whose classes carry the methods corrected here. */
export interface ProbeInstances {
  ruleEngine: object;
  sequencingProcess: object;
  navigationLookAhead: object;
  traversalService: object;
  choiceHandler: object;
  constraintValidator: object;
  navigationValidityService: object;
  deliveryValidator: object;
  ruleEvaluator: object;
  measureProcessor: object;
  rollupProcess: object;
  progressProcessor: object;
  objectiveProcessor: object;
  terminationHandler: object;
  rteDataTransfer: object;
  sequencingService: object;
  activity: object;
  ruleCondition: object;
  valueAccess: object;
  cmiContent: object;
  cmiSession: object;
  objective: object;
  interaction: object;
  interactionObjective: object;
}

export function probeInstances(): ProbeInstances {
  const api = new Scorm2004API({
    logLevel: 5,
    sequencing: {
      activityTree: {
        id: 'probe',
        title: 'probe',
        children: [
          {
            id: 'probe-sco',
            title: 'probe',
            // One rule, so that the probe holds a RuleCondition.
            sequencingRules: {
              preConditionRules: [
                {
                  action: 'skip' as RuleSettings['action'],
                  conditionCombination: 'all',
                  conditions: [{ condition: 'always' as RuleSettings['conditions'][number]['condition'] }],
                },
              ],
            },
          },
        ],
      },
    },
  });
  const service = (api as unknown as { getSequencingService(): unknown }).getSequencingService() as
    | {
        sequencingProcess?: { ruleEngine?: object; traversalService?: object; choiceHandler?: object; constraintValidator?: object };
        overallSequencingProcess?: {
          deliveryValidator?: object;
          terminationHandler?: { _rteDataTransferService?: object };
          navigationLookAhead?: object;
          navigationValidityService?: object;
        };
        rollupProcess?: { ruleEvaluator?: object; measureProcessor?: object; objectiveProcessor?: object; progressProcessor?: object };
      }
    | null;
  const root = (api as unknown as { getSequencingState(): { rootActivity?: ProbeActivity } }).getSequencingState().rootActivity;
  const runtime = api as unknown as ProbeRuntime;
  const child = (element: string, foundFirstIndex: boolean) => runtime.getChildElement(element, 'probe', foundFirstIndex) ?? undefined;
  const objective = child('cmi.objectives.0.id', false);
  // The error scorm-again's data model throws for a value of the wrong format (RTE 406).
  validationErrorClass = validationErrorOf(objective);
  const found = {
    ruleEngine: service?.sequencingProcess?.ruleEngine,
    sequencingProcess: service?.sequencingProcess,
    traversalService: service?.sequencingProcess?.traversalService,
    choiceHandler: service?.sequencingProcess?.choiceHandler,
    constraintValidator: service?.sequencingProcess?.constraintValidator,
    navigationValidityService: service?.overallSequencingProcess?.navigationValidityService,
    deliveryValidator: service?.overallSequencingProcess?.deliveryValidator,
    terminationHandler: service?.overallSequencingProcess?.terminationHandler,
    rteDataTransfer: service?.overallSequencingProcess?.terminationHandler?._rteDataTransferService,
    sequencingService: service,
    navigationLookAhead: service?.overallSequencingProcess?.navigationLookAhead,
    ruleEvaluator: service?.rollupProcess?.ruleEvaluator,
    measureProcessor: service?.rollupProcess?.measureProcessor,
    rollupProcess: service?.rollupProcess,
    progressProcessor: service?.rollupProcess?.progressProcessor,
    objectiveProcessor: service?.rollupProcess?.objectiveProcessor,
    activity: root,
    ruleCondition: root?.children?.[0]?.sequencingRules?.preConditionRules?.[0]?.conditions?.[0],
    valueAccess: runtime._cmiValueAccessService,
    cmiContent: runtime.cmi?.content,
    cmiSession: runtime.cmi?.session,
    objective,
    interaction: child('cmi.interactions.0.id', false),
    interactionObjective: child('cmi.interactions.0.objectives.0.id', true),
    validationError: validationErrorClass,
  };
  for (const [name, instance] of Object.entries(found)) {
    if (!instance) {
      throw new ScormAgainFixError(
        `scorm-again's sequencing service has no ${name} where 3.4.3 keeps it; refusing to patch (scorm-again-fixes/).`,
      );
    }
  }
  return found as ProbeInstances;
}

/** The run-time data parts of the probe API the corrections reach. */
interface ProbeRuntime {
  _cmiValueAccessService?: object;
  cmi?: { content?: object; session?: object };
  /** The new entry a SetValue of `element` would add to its collection. */
  getChildElement(element: string, value: string, foundFirstIndex: boolean): object | null;
}

type ValidationErrorClass = new (element: string, errorCode: number) => Error;

/** RTE error 406, Data Model Element Type Mismatch. */
const TYPE_MISMATCH = 406;

/** RTE error 406, Data Model Element Type Mismatch, thrown as scorm-again's data model throws it. */
let validationErrorClass: ValidationErrorClass | undefined;

function validationErrorOf(objective: object | undefined): ValidationErrorClass | undefined {
  if (!objective) return undefined;
  try {
    // An empty identifier is not a long_identifier_type.
    (objective as { id: string }).id = '';
  } catch (error) {
    if (error instanceof Error && (error as { errorCode?: unknown }).errorCode === TYPE_MISMATCH) {
      return error.constructor as ValidationErrorClass;
    }
  }
  return undefined;
}

export function typeMismatch(element: string): Error {
  return new validationErrorClass!(element, TYPE_MISMATCH);
}

interface ProbeActivity {
  children?: { sequencingRules?: { preConditionRules?: { conditions?: object[] }[] } }[];
}
