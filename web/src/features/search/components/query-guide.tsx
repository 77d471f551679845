// The written half of the help page: how words, fields, operators, phrases, ranges and id prefixes
// combine. The field list below it comes from the server; this part explains the grammar around it.
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { ExampleQueries } from './example-query.js';

interface GuideTopic {
  id: string;
  title: MessageKey;
  body: MessageKey;
  /** Queries, not prose: the same in both languages, since either language's keywords work. */
  examples: readonly string[];
}

const TOPICS: readonly GuideTopic[] = [
  {
    id: 'words',
    title: 'searchHelp.words.title',
    body: 'searchHelp.words.body',
    examples: ['甲玛', '瑶岗仙', '斑岩铜矿', 'copper', 'ZK0101'],
  },
  {
    id: 'fields',
    title: 'searchHelp.fields.title',
    body: 'searchHelp.fields.body',
    examples: ['省:西藏', 'province:Tibet', '省:西藏,云南', '类别:Ⅰ 有:图像'],
  },
  {
    id: 'boolean',
    title: 'searchHelp.boolean.title',
    body: 'searchHelp.boolean.body',
    examples: ['铜 省:西藏', '铜 或 金', 'copper OR gold', '钨 -类别:III', '金 非 省:甘肃'],
  },
  {
    id: 'groups',
    title: 'searchHelp.groups.title',
    body: 'searchHelp.groups.body',
    examples: ['(省:云南 OR 省:贵州) NOT 类别:III', '(铜 或 金) 深度>800'],
  },
  {
    id: 'phrases',
    title: 'searchHelp.phrases.title',
    body: 'searchHelp.phrases.body',
    examples: ['"甲玛铜多金属矿"', '馆藏:"自然资源实物地质资料中心"'],
  },
  {
    id: 'ranges',
    title: 'searchHelp.ranges.title',
    body: 'searchHelp.ranges.body',
    examples: ['深度>800', '深度:500..1500', '年份:1990..2005', 'depth<=1200m'],
  },
  {
    id: 'ids',
    title: 'searchHelp.ids.title',
    body: 'searchHelp.ids.body',
    examples: ['孔号:ZK0101', 'id:ZK16*', 'id:ZK*'],
  },
];

/** One query, written both ways: the first thing a reader should learn. */
export const BILINGUAL_EXAMPLE = [
  '铜 省:西藏 深度>800 类别:I 有:图像 模式:公益',
  'copper province:Tibet depth>800 class:I has:images mode:public',
] as const;

export function QueryGuide() {
  const { t } = useI18n();
  return (
    <section className="card query-guide" aria-labelledby="query-guide-title">
      <h2 id="query-guide-title">{t('searchHelp.guide')}</h2>
      <p className="muted">{t('searchHelp.tryIt')}</p>
      {TOPICS.map((topic) => (
        <section key={topic.id} className="query-guide__topic" aria-labelledby={`guide-${topic.id}`}>
          <h3 id={`guide-${topic.id}`}>{t(topic.title)}</h3>
          <p>{t(topic.body)}</p>
          <ExampleQueries queries={topic.examples} />
        </section>
      ))}
    </section>
  );
}
