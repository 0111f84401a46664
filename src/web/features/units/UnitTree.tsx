import { Button, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/tenancy';
import type { UnitNode } from './tree';

type Actions = {
  manage: boolean;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onAdd: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
};

/** Nested lists with disclosure buttons; every control is reachable with Tab. */
export function UnitTree({ nodes, label, ...actions }: Actions & { nodes: UnitNode[]; label: string }) {
  return (
    <ul className="unit-tree" aria-label={label}>
      {nodes.map((node) => (
        <UnitTreeItem key={node.unit.id} node={node} {...actions} />
      ))}
    </ul>
  );
}

function UnitTreeItem({ node, ...actions }: Actions & { node: UnitNode }) {
  const { t } = useTranslation();
  const childListId = useId();
  const { unit, children } = node;
  const open = !actions.collapsed.has(unit.id);
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;

  return (
    <li className="unit-tree__item" data-testid={`unit-${unit.id}`}>
      <div className="unit-node">
        {children.length > 0 ? (
          <button
            type="button"
            className="unit-node__toggle"
            aria-expanded={open}
            aria-controls={childListId}
            onClick={() => actions.onToggle(unit.id)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span className="visually-hidden">{t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}</span>
          </button>
        ) : (
          <span className="unit-node__spacer" aria-hidden="true" />
        )}
        <span className="unit-node__name">{unit.name}</span>
        <span className="unit-node__meta">
          <Tag data-size="sm" data-color={unit.kind === 'service_area' ? 'accent' : unit.kind === 'unit' ? 'info' : 'neutral'}>
            {t(`unitKinds.${unit.kind}`)}
          </Tag>
          {unit.code ? <span className="unit-node__code">{unit.code}</span> : null}
          <span>{t('units.memberCount', { count: unit.memberCount })}</span>
        </span>
        {actions.manage ? (
          <span className="unit-node__actions">
            {unit.kind !== 'team' ? (
              <Button variant="tertiary" data-size="sm" onClick={() => actions.onAdd(unit)}>
                {t('units.addChild')}
                {hidden(t('units.under', { name: unit.name }))}
              </Button>
            ) : null}
            <Button variant="tertiary" data-size="sm" onClick={() => actions.onEdit(unit)}>
              {t('common.edit')}
              {hidden(unit.name)}
            </Button>
            <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => actions.onDelete(unit)}>
              {t('common.delete')}
              {hidden(unit.name)}
            </Button>
          </span>
        ) : null}
      </div>
      {children.length > 0 && open ? (
        <ul id={childListId} className="unit-tree unit-tree--nested">
          {children.map((child) => (
            <UnitTreeItem key={child.unit.id} node={child} {...actions} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
