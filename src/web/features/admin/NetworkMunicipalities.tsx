import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../shared/api/tenancy';
import { EmptyState } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';

export function NetworkMunicipalities({ municipalities }: { municipalities: Municipality[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  if (municipalities.length === 0) return <EmptyState>{t('admin.network.noMunicipalities')}</EmptyState>;
  const sorted = [...municipalities].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <TableScroll label={t('admin.network.municipalitiesTable')}>
      <Table zebra data-size="sm" className="data-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('admin.municipality.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.municipality.code')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.municipality.country')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.municipality.population')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.municipality.sizeClass')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sorted.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{m.name}</Table.Cell>
              <Table.Cell>{m.code}</Table.Cell>
              <Table.Cell>{t(`countries.${m.country}`)}</Table.Cell>
              <Table.Cell>{number.format(m.population)}</Table.Cell>
              <Table.Cell>{t(`sizeClasses.${m.sizeClass}`)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
