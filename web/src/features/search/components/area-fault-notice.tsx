// What the server found wrong with the map area of a search (a polygon that crosses itself, a radius
// over the limit): what went wrong and how to fix it in the reader's language, then the server's own
// message, so the panel never goes blank and nothing the server said is hidden.
import { useI18n } from '../../../lib/i18n-context.js';
import { MAX_POLYGON_VERTICES, MAX_RADIUS_KM } from '../utils/search-area.js';
import type { AreaFault } from '../utils/query-fault.js';

export function AreaFaultNotice({ fault }: { fault: AreaFault }) {
  const { t } = useI18n();
  const fix = {
    bbox: t('area.fix.bbox'),
    polygon: t('area.fix.polygon', { max: MAX_POLYGON_VERTICES }),
    near: t('area.fix.near', { max: MAX_RADIUS_KM }),
  }[fault.field];
  return (
    <div className="query-fault area-fault" role="alert" data-testid="area-fault" data-field={fault.field}>
      <p className="query-fault__message">
        <strong>{t(`area.fault.${fault.field}`)}</strong>
        <span>{fix}</span>
      </p>
      <p className="area-fault__server" data-testid="area-fault-message">
        {t('area.serverSays', { message: fault.message })}
      </p>
    </div>
  );
}
