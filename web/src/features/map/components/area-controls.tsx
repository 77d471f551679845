// The area modes as a radio group, and under it what the chosen mode needs: a hint, the drawing
// buttons, the radius box.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n-context.js';
import { formatNumber } from '../../../lib/format.js';
import { describeArea } from '../../search/utils/describe-area.js';
import { parseNear } from '../../search/utils/search-area.js';
import type { AreaTools } from '../hooks/use-area-tools.js';
import { AREA_MODES, searchedArea, type MapSearchState } from '../utils/map-search-location.js';

export function AreaControls({ state, tools }: { state: MapSearchState; tools: AreaTools }) {
  const { t } = useI18n();
  return (
    <fieldset className="area-controls">
      <legend>{t('mapSearch.area')}</legend>
      <div className="area-modes">
        {AREA_MODES.map((mode) => (
          <label key={mode} className="area-mode" data-testid={`area-mode-${mode}`}>
            <input
              type="radio"
              name="area-mode"
              value={mode}
              checked={state.mode === mode}
              onChange={() => tools.setMode(mode)}
            />
            <span>{t(`area.mode.${mode}`)}</span>
          </label>
        ))}
      </div>
      <AreaTool state={state} tools={tools} />
    </fieldset>
  );
}

function AreaTool({ state, tools }: { state: MapSearchState; tools: AreaTools }) {
  const { t, lang } = useI18n();
  const area = searchedArea(state);
  const described = area ? describeArea(area, lang) : null;
  switch (state.mode) {
    case 'view':
      return <Hint>{t('mapSearch.viewHint')}</Hint>;
    case 'anywhere':
      return <Hint>{t('mapSearch.anywhereHint')}</Hint>;
    case 'polygon':
      if (tools.picking) {
        return (
          <>
            <Hint>
              {tools.vertexCount > 0
                ? t('mapSearch.polygonDrawing', { n: formatNumber(tools.vertexCount, lang, 0) })
                : t('mapSearch.polygonStart')}
            </Hint>
            {state.polygon && <ToolButtons cancel={tools.cancel} />}
          </>
        );
      }
      return (
        <>
          <Hint>{described}</Hint>
          <ToolButtons redraw={tools.redraw} redrawLabel={t('mapSearch.redraw')} clear={tools.clear} />
        </>
      );
    case 'radius':
      return (
        <>
          <Hint>
            {tools.picking
              ? tools.pendingCentre
                ? t('mapSearch.radiusPending')
                : t('mapSearch.radiusStart')
              : described}
          </Hint>
          <RadiusBox state={state} tools={tools} />
          {tools.picking ? (
            state.near && <ToolButtons cancel={tools.cancel} />
          ) : (
            <ToolButtons redraw={tools.redraw} redrawLabel={t('mapSearch.newCentre')} clear={tools.clear} />
          )}
        </>
      );
  }
}

function Hint({ children }: { children: ReactNode }) {
  return (
    <p className="area-hint" data-testid="area-hint" aria-live="polite">
      {children}
    </p>
  );
}

function ToolButtons({
  redraw,
  redrawLabel,
  clear,
  cancel,
}: {
  redraw?(): void;
  redrawLabel?: string;
  clear?(): void;
  cancel?(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="area-buttons">
      {redraw && (
        <button type="button" className="secondary-button" onClick={redraw} data-testid="area-redraw">
          {redrawLabel}
        </button>
      )}
      {clear && (
        <button type="button" className="secondary-button" onClick={clear} data-testid="area-clear">
          {t('mapSearch.clear')}
        </button>
      )}
      {cancel && (
        <button type="button" className="secondary-button" onClick={cancel} data-testid="area-cancel">
          {t('mapSearch.cancel')}
        </button>
      )}
    </div>
  );
}

/**
 * Kilometres for the radius, applied to the centre just picked or to the current circle's. Not
 * checked here: the server's answer to a radius it refuses is shown like any other.
 */
function RadiusBox({ state, tools }: { state: MapSearchState; tools: AreaTools }) {
  const { t } = useI18n();
  const committedKm = state.near ? (parseNear(state.near)?.km ?? null) : null;
  const [text, setText] = useState(committedKm === null ? '' : String(committedKm));
  // A radius set by clicking (or by back/forward) replaces what the box showed.
  const [shownKm, setShownKm] = useState(committedKm);
  if (shownKm !== committedKm) {
    setShownKm(committedKm);
    setText(committedKm === null ? '' : String(committedKm));
  }
  const hasCentre = tools.pendingCentre !== null || committedKm !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const km = Number(text);
    if (text.trim() !== '' && Number.isFinite(km)) tools.setRadiusKm(km);
  };
  return (
    <form className="radius-box" onSubmit={submit} noValidate>
      <label>
        {t('mapSearch.radiusKm')}
        <input
          type="number"
          inputMode="decimal"
          step="any"
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={!hasCentre}
          data-testid="radius-km"
        />
      </label>
      <button type="submit" className="secondary-button" disabled={!hasCentre} data-testid="radius-apply">
        {t('mapSearch.applyRadius')}
      </button>
    </form>
  );
}
