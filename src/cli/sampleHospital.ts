/**
 * The made-up hospital of `casemix sample`: its departments with the DRG code prefixes they treat
 * and their share of the cases, the names its doctors are drawn from, and which groups are heavy
 * on materials or drugs. Data only; sample.ts draws the cases.
 */
export interface Department {
  name: string;
  /** Code prefixes as regular expressions with a share of the department's cases. */
  mix: [RegExp, number][];
  size: number;
}

const SURGICAL = "[A-J]";
const PROCEDURE = "[K-Q]";
const MEDICAL = "[R-Z]";
const re = (s: string) => new RegExp(`^${s}`);

export const DEPARTMENTS: Department[] = [
  {
    name: "心血管内科",
    mix: [
      [re(`F${MEDICAL}`), 0.65],
      [re(`F${PROCEDURE}`), 0.35],
    ],
    size: 1.6,
  },
  { name: "心脏大血管外科", mix: [[re(`F${SURGICAL}`), 1]], size: 0.35 },
  { name: "神经内科", mix: [[re(`B${MEDICAL}`), 1]], size: 1.4 },
  {
    name: "神经外科",
    mix: [
      [re(`B${SURGICAL}`), 0.7],
      [re(`B${PROCEDURE}`), 0.2],
      [re("AH"), 0.1],
    ],
    size: 0.6,
  },
  {
    name: "呼吸与危重症医学科",
    mix: [
      [re(`E${MEDICAL}`), 0.9],
      [re(`E${PROCEDURE}`), 0.1],
    ],
    size: 1.5,
  },
  { name: "胸外科", mix: [[re(`E${SURGICAL}`), 1]], size: 0.4 },
  {
    name: "消化内科",
    mix: [
      [re(`G${MEDICAL}`), 0.45],
      [re(`H${MEDICAL}`), 0.25],
      [re(`[GH]${PROCEDURE}`), 0.3],
    ],
    size: 1.3,
  },
  { name: "胃肠外科", mix: [[re(`G${SURGICAL}`), 1]], size: 0.7 },
  { name: "肝胆胰外科", mix: [[re(`H${SURGICAL}`), 1]], size: 0.5 },
  {
    name: "骨科",
    mix: [
      [re(`I${SURGICAL}`), 0.8],
      [re(`I${MEDICAL}`), 0.2],
    ],
    size: 1.3,
  },
  {
    name: "泌尿外科",
    mix: [
      [re(`L${SURGICAL}`), 0.55],
      [re(`L${PROCEDURE}`), 0.2],
      [re(`M${SURGICAL}`), 0.25],
    ],
    size: 0.7,
  },
  { name: "肾内科", mix: [[re(`L${MEDICAL}`), 1]], size: 0.6 },
  {
    name: "内分泌科",
    mix: [
      [re(`K${MEDICAL}`), 0.9],
      [re(`K${SURGICAL}`), 0.1],
    ],
    size: 0.6,
  },
  { name: "妇科", mix: [[re("N"), 1]], size: 0.7 },
  { name: "产科", mix: [[re("O"), 1]], size: 0.9 },
  { name: "新生儿科", mix: [[re("P"), 1]], size: 0.4 },
  {
    name: "儿科",
    mix: [
      [re(`E${MEDICAL}`), 0.5],
      [re(`G${MEDICAL}`), 0.3],
      [re(`[BT]${MEDICAL}`), 0.2],
    ],
    size: 0.8,
  },
  {
    name: "血液内科",
    mix: [
      [re("Q"), 0.6],
      [re(`R${MEDICAL}`), 0.4],
    ],
    size: 0.4,
  },
  { name: "肿瘤科", mix: [[re("R"), 1]], size: 0.8 },
  { name: "眼科", mix: [[re("C"), 1]], size: 0.6 },
  { name: "耳鼻咽喉头颈外科", mix: [[re("D"), 1]], size: 0.5 },
  {
    name: "乳腺甲状腺外科",
    mix: [
      [re(`J${SURGICAL}`), 0.6],
      [re(`K${SURGICAL}`), 0.4],
    ],
    size: 0.5,
  },
  {
    name: "重症医学科",
    mix: [
      [re("A[GH]"), 0.5],
      [re("[EF]R"), 0.5],
    ],
    size: 0.25,
  },
  {
    name: "感染性疾病科",
    mix: [
      [re("S"), 0.7],
      [re(`H${MEDICAL}`), 0.3],
    ],
    size: 0.4,
  },
];

export const SURNAMES =
  "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
export const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉宁波斌宇浩凯鹏飞晨瑶琳欣怡佳雪梅峰亮";

export const MATERIAL_HEAVY = /支架|置换|植入|起搏|融合|内固定|人工|介入|消融|栓塞|翻修|瓣膜/;
export const DRUG_HEAVY = /化学治疗|化疗|靶向|免疫治疗|白血病|淋巴瘤/;
