// Word lists for generated names: local place names by how they sound in the region, national
// exploration organisations, entrusted (oil/gas, marine) custodians and log-description phrases.
import type { Toponymy } from '../../domain/china.js';

/** Place names of the kind mining areas are named after (a hill, a gully, a village). */
// prettier-ignore
export const PLACES: Readonly<Record<Toponymy, readonly string[]>> = {
  han: [
    '黄泥坡', '石门坎', '大坪', '白石岭', '青龙沟', '红山', '金鸡岭', '狮子山', '老虎洞', '铜厂沟',
    '银洞坡', '花木桥', '塘坝', '龙潭', '三道沟', '黑石岭', '杨柳坪', '大水沟', '白岩', '牛角塘',
    '官山', '麒麟山', '燕子崖', '柳树沟', '梨树湾', '大湾', '鸡冠山', '羊角山', '长岭', '双峰',
    '九龙', '东山', '西岭', '北沟', '松树坪', '芦家湾', '石人沟', '桃花冲', '金竹坪', '大岭口',
    '葫芦沟', '铁帽山', '尖山', '砂子坪', '马家沟', '王家湾', '张家坪', '李家庄', '刘家沟', '陈家坳',
    '赵家岭', '周家山', '高家堡', '何家垭', '罗家冲', '铜鼓岭', '银山', '宝山', '金山', '铁炉坪',
    '锡坑', '钨山', '磨石岭', '石灰窑', '观音岩', '天马山', '五峰', '七宝山', '八角寨', '十八湾',
  ],
  tibetan: [
    '知不拉', '邦铺', '厅宫', '冲江', '白容', '吉如', '努日', '拉抗俄', '洞嘎', '汤不拉',
    '程巴', '达布', '宁中', '多不杂', '波龙', '铁格隆', '拿若', '荣那', '尕尔勤', '帮浦',
    '查个勒', '亚贵拉', '沙让', '蒙亚啊', '龙马拉', '洞中松多', '则学', '纳如松多', '孔隆', '色布',
    '措勤', '拉屋', '弄如日', '扎西康', '柯月', '然乌', '马攸木', '觉拉', '青都', '朗达',
  ],
  uyghur: [
    '喀拉', '阿克塔什', '苏吐', '琼布拉克', '卡拉塔格', '白山', '三岔口', '玉勒肯', '阿尔登', '托克',
    '萨热克', '乌拉根', '库鲁克', '塔斯', '阿舍', '克孜勒', '博什', '喀英德', '索尔', '阿尔塔什',
    '布伦', '科克', '铁木尔', '巴里', '托斯', '吐尔', '依格尔', '喀拉萨依', '克布', '黄羊山',
  ],
  mongol: [
    '乌兰', '巴彦', '敖包', '浩尔吐', '查干', '哈拉', '额仁', '宝力格', '孟恩', '白音查干',
    '道伦达坝', '双尖子山', '花敖包特', '甲乌拉', '准苏吉', '维拉斯托', '朝不楞', '沙麦', '阿尔哈达', '吉林宝力格',
    '乌努格', '毕力赫', '赛乌素', '红格尔', '巴音', '塔木', '布敦', '苏尼特', '哈达', '呼和',
  ],
};

export const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

/** 214 → 二一四, the way Chinese exploration teams write their numbers. */
export function digitsZh(n: number): string {
  return String(n)
    .split('')
    .map((d) => CHINESE_DIGITS[Number(d)])
    .join('');
}

/** 1 → 一 … 12 → 十二. */
export function ordinalZh(n: number): string {
  return ORDINALS[n - 1] ?? String(n);
}

export type OrgFocus = 'general' | 'metal' | 'coal' | 'nuclear' | 'nonmetal' | 'gold' | 'iron' | 'science';

/** Nation-wide exploration organisations and institutes, with the province of their seat. */
// prettier-ignore
export const NATIONAL_ORGS: ReadonlyArray<{
  name: string;
  en: string;
  kind: 'exploration_unit' | 'institute' | 'university';
  province: string;
  focus: OrgFocus;
}> = [
  { name: '中国地质调查局天津地质调查中心', en: 'Tianjin Center, China Geological Survey', kind: 'institute', province: '120000', focus: 'general' },
  { name: '中国地质调查局沈阳地质调查中心', en: 'Shenyang Center, China Geological Survey', kind: 'institute', province: '210000', focus: 'general' },
  { name: '中国地质调查局南京地质调查中心', en: 'Nanjing Center, China Geological Survey', kind: 'institute', province: '320000', focus: 'general' },
  { name: '中国地质调查局武汉地质调查中心', en: 'Wuhan Center, China Geological Survey', kind: 'institute', province: '420000', focus: 'general' },
  { name: '中国地质调查局成都地质调查中心', en: 'Chengdu Center, China Geological Survey', kind: 'institute', province: '510000', focus: 'general' },
  { name: '中国地质调查局西安地质调查中心', en: 'Xi’an Center, China Geological Survey', kind: 'institute', province: '610000', focus: 'general' },
  { name: '中国地质科学院矿产资源研究所', en: 'Institute of Mineral Resources, CAGS', kind: 'institute', province: '110000', focus: 'science' },
  { name: '中国地质科学院地质研究所', en: 'Institute of Geology, CAGS', kind: 'institute', province: '110000', focus: 'science' },
  { name: '中国地质大学（北京）', en: 'China University of Geosciences (Beijing)', kind: 'university', province: '110000', focus: 'science' },
  { name: '中国地质大学（武汉）', en: 'China University of Geosciences (Wuhan)', kind: 'university', province: '420000', focus: 'science' },
  { name: '中国冶金地质总局第一地质勘查院', en: 'First Geological Exploration Institute, CMGB', kind: 'exploration_unit', province: '130000', focus: 'iron' },
  { name: '中国冶金地质总局中南局', en: 'Central South Bureau, CMGB', kind: 'exploration_unit', province: '420000', focus: 'iron' },
  { name: '中国煤炭地质总局第一勘探局', en: 'First Exploration Bureau, CCGB', kind: 'exploration_unit', province: '130000', focus: 'coal' },
  { name: '中国煤炭地质总局水文地质局', en: 'Hydrogeology Bureau, CCGB', kind: 'exploration_unit', province: '130000', focus: 'coal' },
  { name: '核工业二〇八大队', en: 'Geological Party No. 208, CNNC', kind: 'exploration_unit', province: '150000', focus: 'nuclear' },
  { name: '核工业二〇三研究所', en: 'Research Institute No. 203, CNNC', kind: 'institute', province: '610000', focus: 'nuclear' },
  { name: '核工业二七〇研究所', en: 'Research Institute No. 270, CNNC', kind: 'institute', province: '360000', focus: 'nuclear' },
  { name: '核工业二九〇研究所', en: 'Research Institute No. 290, CNNC', kind: 'institute', province: '440000', focus: 'nuclear' },
  { name: '核工业二一六大队', en: 'Geological Party No. 216, CNNC', kind: 'exploration_unit', province: '650000', focus: 'nuclear' },
  { name: '中国建筑材料工业地质勘查中心', en: 'China Building Materials Geological Exploration Center', kind: 'exploration_unit', province: '110000', focus: 'nonmetal' },
  { name: '中化地质矿山总局', en: 'China Chemical Geology and Mine Bureau', kind: 'exploration_unit', province: '110000', focus: 'nonmetal' },
  { name: '武警黄金地质研究所', en: 'Gold Geological Institute of the Armed Police', kind: 'institute', province: '130000', focus: 'gold' },
];

/** Custodians the state entrusts with oil/gas and marine core (委托保管单位). */
// prettier-ignore
export const ENTRUSTED: ReadonlyArray<{
  code: string;
  name: string;
  en: string;
  province: string;
  kind: 'oil' | 'marine';
  /** Where its cores come from, and the well-name prefixes used there. */
  areas: ReadonlyArray<readonly [string, readonly string[]]>;
}> = [
  { code: 'ENT-CNPC', name: '中国石油天然气股份有限公司勘探开发研究院岩芯库', en: 'PetroChina RIPED core repository', province: '110000', kind: 'oil', areas: [['鄂尔多斯盆地', ['长', '苏', '靖']], ['塔里木盆地', ['轮南', '塔中', '哈']], ['四川盆地', ['磨溪', '高石', '龙岗']]] },
  { code: 'ENT-DAQING', name: '大庆油田有限责任公司勘探开发研究院岩心库', en: 'Daqing Oilfield core repository', province: '230000', kind: 'oil', areas: [['松辽盆地', ['葡', '杏', '喇', '萨', '古页']]] },
  { code: 'ENT-SINOPEC', name: '中国石油化工股份有限公司石油勘探开发研究院岩芯库', en: 'Sinopec RIPED core repository', province: '110000', kind: 'oil', areas: [['四川盆地', ['焦页', '元坝', '普光']], ['塔里木盆地', ['顺北', '塔河']]] },
  { code: 'ENT-SHENGLI', name: '中国石化胜利油田分公司岩心库', en: 'Shengli Oilfield core repository', province: '370000', kind: 'oil', areas: [['渤海湾盆地济阳坳陷', ['牛', '樊', '利', '桩']]] },
  { code: 'ENT-CNOOC', name: '中国海洋石油集团有限公司岩芯库', en: 'CNOOC core repository', province: '120000', kind: 'oil', areas: [['渤海海域', ['渤中', '垦利', '旅大']], ['珠江口盆地', ['恩平', '陆丰', '流花']]] },
  { code: 'ENT-QIMG', name: '中国地质调查局青岛海洋地质研究所海洋地质样品库', en: 'Qingdao Institute of Marine Geology sample repository', province: '370000', kind: 'marine', areas: [['渤海', ['BH']], ['黄海', ['YS']], ['东海陆架', ['ECS']], ['冲绳海槽', ['OT']]] },
  { code: 'ENT-GMGS', name: '中国地质调查局广州海洋地质调查局样品库', en: 'Guangzhou Marine Geological Survey sample repository', province: '440000', kind: 'marine', areas: [['南海北部陆坡', ['GMGS']], ['西沙海域', ['XS']], ['南海东北部', ['NE']]] },
];

type RockFamily = 'intrusive' | 'volcanic' | 'clastic' | 'carbonate' | 'metamorphic' | 'other';

// prettier-ignore
const FAMILY_OF: Readonly<Record<string, RockFamily>> = {
  GRA: 'intrusive', GDI: 'intrusive', DIO: 'intrusive', DIP: 'intrusive', POR: 'intrusive', GDP: 'intrusive',
  QMP: 'intrusive', GAB: 'intrusive', PER: 'intrusive', PYX: 'intrusive', SWG: 'intrusive', PEG: 'intrusive',
  BAS: 'volcanic', AND: 'volcanic', DAC: 'volcanic', RHY: 'volcanic', TUF: 'volcanic',
  CGL: 'clastic', SST: 'clastic', SLT: 'clastic', MUD: 'clastic', SH: 'clastic', CLY: 'clastic', SND: 'clastic',
  LST: 'carbonate', DOL: 'carbonate', MBL: 'carbonate',
  SKN: 'metamorphic', HOR: 'metamorphic', GNS: 'metamorphic', SCH: 'metamorphic', PHY: 'metamorphic',
  SLA: 'metamorphic', QZT: 'metamorphic', AMP: 'metamorphic', LEP: 'metamorphic', MIG: 'metamorphic',
  SRP: 'metamorphic', MYL: 'metamorphic',
};

/** Log descriptions (colour, texture, structure) that suit each family of host rock. */
// prettier-ignore
const DESCRIPTIONS: Readonly<Record<RockFamily, readonly string[]>> = {
  intrusive: ['灰白色，中细粒花岗结构，块状构造', '肉红色，中粗粒结构，块状构造', '灰色，斑状结构，块状构造，斑晶为斜长石、角闪石', '灰绿色，细粒结构，块状构造，绿泥石化'],
  volcanic: ['灰绿色，斑状结构，块状构造', '紫灰色，隐晶质结构，气孔杏仁构造', '浅灰色，凝灰结构，层状构造', '灰紫色，霏细结构，流纹构造'],
  clastic: ['灰色，中细粒砂状结构，厚层状构造', '紫红色，碎屑结构，中厚层状构造', '灰色，粉砂质结构，水平层理发育', '灰黑色，泥质结构，薄层状构造，含炭质'],
  carbonate: ['深灰色，隐晶质结构，中厚层状构造', '浅灰色，细晶结构，块状构造，见方解石细脉', '灰白色，中粗粒粒状变晶结构，块状构造'],
  metamorphic: ['灰绿色，鳞片变晶结构，片状构造', '灰白色，中粒粒状变晶结构，片麻状构造', '深灰色，变余结构，板状构造', '灰黑色，细粒变晶结构，条带状构造'],
  other: ['灰黑色，碎裂结构，角砾状构造', '浅灰色，蚀变强烈，硅化、绢云母化', '乳白色，块状构造，见黄铁矿细脉'],
};

export function hostDescriptions(rockCode: string): readonly string[] {
  return DESCRIPTIONS[FAMILY_OF[rockCode] ?? 'other'];
}

export const ORE_TEXTURES = ['浸染状', '细脉浸染状', '块状', '条带状', '网脉状', '角砾状'] as const;

export const COVER_DESCRIPTIONS = [
  '黄褐色粉质黏土夹碎石',
  '灰黄色亚砂土，松散',
  '坡积碎石土，棱角状',
  '冲洪积砂砾石层',
  '灰黑色淤泥质黏土',
] as const;
