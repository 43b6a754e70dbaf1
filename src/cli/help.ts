/** `casemix --help`: the usage of every command, in English and Chinese. */
import { Lang } from "../engine/text";

export const HELP: Record<Lang, string> = {
  en: `CaseMix command line: DRG four-quadrant analysis and incentive report, without Excel.

Usage:
  casemix report <cases.csv|cases.xlsx> [options]    build the report workbook (or JSON)
  casemix audit <weights.csv> [--adjusted other.csv] [--volume cases.csv] [options]
                                                     audit a weight table (and an adjustment)
  casemix trends <cases.csv|cases.xlsx> [--before Y] [--after Y] [options]
                                                     low-risk mortality, CMI change, CMI-cost curve
  casemix payment <cases.csv|cases.xlsx> --weights table.csv --rate R [options]
                                                     DRG payment profit and loss per group (医保办)
  casemix compare <cases.csv|cases.xlsx> --weights a.csv [--weights-b b.csv] [options]
                                                     two DRG versions side by side (医疗 DRG vs 医保 DRG)
  casemix sample [--out samples/cases.csv] [--cases 24000] [--seed 20240101] [--weights harbin.csv]
                 [--force]                           write the generated sample case file (at most
                                                     10,000,000 cases; --force replaces an existing file)
                 [--layout summary|front-page|settlement]   money columns as the summary (default),
                                                     the front page (病案首页) or the settlement list
                                                     (医保结算清单) writes them; an --out ending in
                                                     .xlsx writes a workbook (sheet 出院病例)
  casemix --help                                     this text

Report options:
  --sheet NAME              sheet of an .xlsx input (default: the first)
  --out FILE                write the report workbook here (default report.xlsx; with --json only
                            when --out is given); an existing file is not replaced without --force
  --force                   replace an existing --out file (never an input file, nor a read-only one)
  --json                    print the report as JSON: { groups, units, parameters }
  --lang zh|en              language of the report and messages (default: the system's)
  --weights FILE            weight table (CSV or .xlsx: group code, weight); default: compute the
                            weights from the data (住院总费用, trimmed, years blended 1:2:7);
                            "standardized": the five-category weight of the data (医疗、护理、医技、
                            药品、管理, from the fee items of a front page or settlement list)
  --shares a,b,c,d,e        shares of the five categories with --weights standardized (default 0.2 each)
  --trim METHOD             logsd (default), sd, iqr, percentile, none (weights from the data)
  --trim-k K                k of the trimming (logsd/sd 3, iqr 1.5; percentile: % per tail)
  --year-weights 1,2,7      weights of the years, oldest first (weights from the data)
  --year YEAR               analyse only the cases of that year ("latest" for the newest)
  --layer LAYER             marginal (default), direct, gross, net
  --revenue settlement|payment   revenue of a case: the actual settlement (insurance + patient
                            payment, default) or the expected DRG payment, points / 100 x rate x
                            point value x coefficient (high/low-cost cases by the default rules)
  --rate R                  with --revenue payment: money per weight point (required)
  --point-value V, --coefficient K   with --revenue payment: settlement factor and institution
                            coefficient (default 1 each)
  --x-cut cmi|median|N      x cut line: the hospital CMI (default), the median RW, or a number (1)
  --y-cut hospital|median|N y cut line: the hospital's own contribution rate at the layer
                            (default), the median rate, or a number (0)
  --min-cases N             groups with fewer cases are not classified (default 5)
  --coefficients a,b,c,d[,e]  strategic, competitive, suitable, weak [, unclassified]
                            (default 1.5,1.3,1,0.8,1)
  --labels a,b,c,d[,e]      quadrant names instead of the standard ones
  --pool AMOUNT             share a bonus pool in proportion to points (cents add up exactly)
  --per-point AMOUNT        money per point (default 1)
  --unit department|doctor|both   who is paid (default department)
  --map column=header       correct the column mapping (repeatable), e.g. --map department=科室名称;
                            header "#3" means the third column; A+B adds columns up
                            (--map materialCost=检查用一次性医用材料费+治疗用一次性医用材料费);
                            nothing after = drops the column
  --show-mapping            print which source columns feed each column (front-page and
                            settlement-list fee items are mapped by default) and stop
  --encoding auto|utf-8|gb18030|utf-16le   encoding of a CSV input (default auto: a byte-order mark,
                            else UTF-8 when the whole file is valid UTF-8, else GB18030; the choice
                            and its reason are shown when stderr is a terminal)

Audit options (weight tables: code and weight columns by header, e.g. drg_code/weight or
DRG编码/权重, names when present; volume: a case file or a group + count table, with optional
医院 / 医院等级 / 科室 columns for the winners and losers):
  --adjusted FILE           the adjusted table: neutrality, largest changes, groups in one table
  --tilt "RULE"             simulate a policy tilt instead of --adjusted: the base table's weights
                            times the factor of the first matching clause ("rw>=2: 1.1; rw<0.8: 0.95";
                            rw>=x, rw<x, MDCF, codes FR1,FT2, joined by &), rescaled so that the
                            total weight over the volume is unchanged
  --volume FILE             case volume for the totals (default: each group counts once)
  --out FILE                write the audit workbook here (default audit.xlsx; with --json only
                            when --out is given)
  --force                   replace an existing --out file (as for report)
  --json                    print the audit as JSON: { findings, neutrality, largestChanges,
                            units, parameters }
  --largest N               largest relative changes listed (default 10)
  --tolerance X             a total-weight change up to X is not a finding (default 0.001)
  --lang zh|en              language of the audit and messages

Trends options (sheets 趋势与质量 / Trends and Quality and 目标 / Targets):
  --before Y, --after Y     the two years compared (default the two latest); the curve uses "after"
  --unit department|doctor  one row a unit (default department)
  --weights FILE            weight table; default: computed from the data as for report
  --benchmark FILE          risk levels from a region's cases (DRG and died columns); default: the data
  --min-cases N             units with fewer cases are not fitted (default 5)
  --flag X                  flag actual / expected outside 1 ± X (default 0.2)
  --top N                   ADRGs listed as top contributors (default 10)
  --target-share X          a CMI target closes X of the gap from the latest CMI to the benchmark, 0 to 1 (default 0.3)
  --target-benchmark R      benchmark standardized LOS and cost: hospital (default: total / total weight of the
                            target year) or pNN, the NN-th percentile of the units (p25, p50)
  --los-benchmark R, --cost-benchmark R   the same for one of them, or a value (days or money per weight point)
  --cmi-benchmark FILE      benchmark CMI per unit (unit and CMI columns); default: each unit's own best year
  --period P                periods of the Monitoring sheet: year (default), quarter or month of the discharge
                            date, or column (a period column such as 统计期 or 月份, as written)
  --out FILE, --force, --json, --lang zh|en, --sheet, --encoding, --map, --show-mapping   as for report (default trends.xlsx);
                            --json prints { quality, decomposition, curve, targets, monitor, parameters }

Payment options (sheets DRG盈亏 / DRG P&L, 科室医师盈亏 / Units P&L, 高低倍率病例 / Outlier Cases,
支付参数 / Payment Parameters; one row a case, its total cost 住院总费用 tests the outlier rules):
  --weights FILE            the published weight table (required; read as for report)
  --rate R                  money per weight point (费率, required); with --point-value as money per
                            point, give 100
  --point-value V           settlement factor on the rate (点值, default 1), or money per point
  --coefficient K           institution coefficient (机构系数, default 1)
  --group-means FILE        regional group mean costs for the high/low thresholds (group code column
                            and a mean-cost column: 次均费用, 例均费用, 平均费用, 组均费用, mean cost);
                            default: the mean of the hospital's own cases of the group
  --rules "k=v; ..."        outlier rules as DRG.DRG_PAYMENT's rules (keys below; others keep defaults)
  --high 3,2,1.5            high-cost multiplier of each base-point band
  --bands 100,200           upper bounds of the base-point bands
  --low 0.4                 low-cost multiplier
  --points 100              points per weight point
  --base data|standard      group mean: the cases' mean cost (default) or RW × money per weight
  --missing exclude|error   cases of a group without a weight or regional mean: left out and
                            counted (default) or an error
  --layer LAYER             cost set against the revenue: charges (住院总费用, default), marginal,
                            direct, gross, net
  --by department|doctor    one unit table (default: department, and doctor when the data has one)
  --top N                   bars of the largest losses and of the largest gains (default 10)
  --out FILE, --force, --json, --lang zh|en, --sheet, --encoding, --map, --show-mapping   as for report
                            (default payment.xlsx); --json prints { groups, units, parameters }

Compare options (sheets 版本对比 / Version Comparison, 改组病例 / Regrouped Cases, 参数 / Parameters;
version A is the group column DRG编码 with --weights, version B the second group column 医保DRG编码
(医保DRG, 医保分组编码, Insurance DRG, or --map drgB=<header>) with --weights-b; the same cases in both):
  --weights FILE            weight table of version A (required; read as for report)
  --weights-b FILE          weight table of version B (default: --weights); required when the file has
                            no second group column: version B is then the same groups under this table
  --by department|doctor    one row a unit, largest loss of total weight first (default: department, when the data has it)
  --missing exclude|error   cases of a group without a weight in its version's table: left out of both
                            versions and counted (default) or an error naming the table and the row
  --names "A,B"             the versions' names in the report (default 版本A,版本B / Version A,Version B)
  --out FILE, --force, --json, --lang zh|en, --sheet, --encoding, --map, --show-mapping   as for report
                            (default compare.xlsx); --json prints { overall, units, regrouped, parameters }

Examples:
  casemix report samples/cases.csv --pool 1000000 --out report.xlsx
  casemix report cases.xlsx --sheet 出院病例 --x-cut 1 --layer net --unit both --json
  casemix audit weights_2022.csv --adjusted weights_2024.csv --volume samples/cases.csv --out audit.xlsx
  casemix audit weights_2024.csv --tilt "rw>=2: 1.1; rw<0.8: 0.95" --volume samples/cases.csv --out tilt.xlsx
  casemix report samples/cases.csv --weights weights_2024.csv --revenue payment --rate 5000 --out report.xlsx
  casemix trends samples/cases.csv --before 2022 --after 2024 --out trends.xlsx
  casemix trends samples/cases.csv --target-benchmark p50 --target-share 0.5 --json
  casemix payment samples/cases.csv --weights data/harbin_chsdrg_weights_2024.csv --rate 10000 --out pnl.xlsx
  casemix compare samples/cases.csv --weights data/harbin_chsdrg_weights_2022.csv \\
      --weights-b data/harbin_chsdrg_weights_2024.csv --by department --names "2022版,2024版" --out compare.xlsx
  casemix trends samples/cases.csv --period month --out monitoring.xlsx
`,
  zh: `CaseMix 命令行：无需 Excel，生成 DRG 四象限分析与绩效激励报告。

用法：
  casemix report <cases.csv|cases.xlsx> [选项]    生成报告工作簿（或 JSON）
  casemix audit <weights.csv> [--adjusted other.csv] [--volume cases.csv] [选项]
                                                 审核权重表（及权重调整）
  casemix trends <cases.csv|cases.xlsx> [--before Y] [--after Y] [选项]
                                                 低风险组死亡率、CMI 变化分解、CMI 与费用曲线
  casemix payment <cases.csv|cases.xlsx> --weights table.csv --rate R [选项]
                                                 DRG 支付病组盈亏（医保办）
  casemix compare <cases.csv|cases.xlsx> --weights a.csv [--weights-b b.csv] [选项]
                                                 两个 DRG 版本对比（医疗 DRG 与医保 DRG）
  casemix sample [--out samples/cases.csv] [--cases 24000] [--seed 20240101] [--weights harbin.csv]
                 [--force]                       生成示例病例文件（最多 10,000,000 例；--force 覆盖已存在的文件）
                 [--layout summary|front-page|settlement]   费用列的版式：汇总（默认）、病案首页或医保结算清单；
                                                 --out 以 .xlsx 结尾时写成工作簿（工作表“出院病例”）
  casemix --help                                 显示本说明

报告选项：
  --sheet 名称              .xlsx 输入文件的工作表（默认第一个）
  --out 文件                报告工作簿的输出路径（默认 report.xlsx；使用 --json 时仅在给出 --out 时写出）；
                            已存在的文件不会被覆盖，除非加 --force
  --force                   覆盖已存在的 --out 文件（输入文件和只读文件除外）
  --json                    以 JSON 输出报告：{ groups, units, parameters }
  --lang zh|en              报告和提示的语言（默认跟随系统）
  --weights 文件            权重表（CSV 或 .xlsx：病组编码、权重）；默认由数据计算权重
                            （住院总费用，去除极值，多年按 1:2:7 加权）；"standardized" 为由数据计算的
                            标准化五类费用权重（医疗、护理、医技、药品、管理，取自病案首页或结算清单的费用项）
  --shares a,b,c,d,e        与 --weights standardized 一起使用：五类费用的占比（默认各 0.2）
  --trim 方法               logsd（默认）、sd、iqr、percentile、none（由数据计算权重时）
  --trim-k K                去极值参数 k（logsd/sd 为 3，iqr 为 1.5；percentile 为每端百分比）
  --year-weights 1,2,7      各年度权重，从早到晚（由数据计算权重时）
  --year 年份               只分析该年份的病例（"latest" 表示最近一年）
  --layer 层级              marginal 边际贡献（默认）、direct 直接结余、gross 毛结余、net 净结余
  --revenue settlement|payment   病例收入口径：实际结算（医保结算 + 患者支付，默认）或预期DRG支付
                            （点数 / 100 × 费率 × 点值 × 机构系数，高低倍率病例按默认规则）
  --rate R                  与 --revenue payment 一起使用：每权重点金额（必填）
  --point-value V，--coefficient K   与 --revenue payment 一起使用：点值（结算系数）与机构系数（默认均为 1）
  --x-cut cmi|median|数值   横轴分界线：医院 CMI（默认）、RW 中位数或固定值（如 1）
  --y-cut hospital|median|数值  纵轴分界线：全院本层级贡献率（默认）、贡献率中位数或固定值（如 0）
  --min-cases N             病例数少于 N 的病组不分类（默认 5）
  --coefficients a,b,c,d[,e]  战略、竞争、适宜、劣势 [、未分类] 的激励系数（默认 1.5,1.3,1,0.8,1）
  --labels a,b,c,d[,e]      自定义象限名称
  --pool 金额               按点数比例分配奖金池（精确到分，合计恰等于奖金池）
  --per-point 金额          每点金额（默认 1）
  --unit department|doctor|both   核算单元：科室（默认）、医师或两者
  --map 列名=表头           修正列映射（可重复），如 --map department=科室名称；表头 "#3" 表示第 3 列；
                            A+B 表示相加（--map materialCost=检查用一次性医用材料费+治疗用一次性医用材料费）；
                            = 后为空表示不使用该列
  --show-mapping            显示各列由哪些源列得到（病案首页与医保结算清单的费用项默认自动映射），不生成报告
  --encoding auto|utf-8|gb18030|utf-16le   CSV 文件编码（默认自动识别：有字节顺序标记时按标记，
                            否则整个文件是合法 UTF-8 时为 UTF-8，否则为 GB18030；在终端中会显示识别结果及依据）

审核选项（权重表按表头识别编码列和权重列，如 drg_code/weight 或 DRG编码/权重，有名称列时一并读取；
病例量为病例明细或“病组 + 病例数”汇总表，可含 医院 / 医院等级 / 科室 列，用于计算各单位得失）：
  --adjusted 文件           调整后权重表：总权重中性、变化最大的病组、仅见于一张表的病组
  --tilt "规则"             模拟政策倾斜（代替 --adjusted）：基准表权重乘以第一个符合条件的因子
                            （"rw>=2: 1.1; rw<0.8: 0.95"；可用 rw>=x、rw<x、MDCF、编码 FR1,FT2，以 & 连接），
                            再整体缩放，使按病例量计的总权重不变
  --volume 文件             用于计算总权重的病例量（默认每个病组按 1 例计）
  --out 文件                审核工作簿的输出路径（默认 audit.xlsx；使用 --json 时仅在给出 --out 时写出）
  --force                   覆盖已存在的 --out 文件（同 report）
  --json                    以 JSON 输出审核结果：{ findings, neutrality, largestChanges, units, parameters }
  --largest N               列出相对变化最大的 N 个病组（默认 10）
  --tolerance X             总权重相对变化不超过 X 时不列为问题（默认 0.001）
  --lang zh|en              审核结果和提示的语言

趋势选项（一张工作表：趋势与质量）：
  --before 年份，--after 年份   对比的两个年份（默认最近两年）；曲线使用 --after 年份的病例
  --unit department|doctor  每行一个核算单元（默认科室）
  --weights 文件            权重表；默认与 report 相同，由数据计算
  --benchmark 文件          由区域病例数据（DRG 列和死亡列）确定风险等级；默认使用本数据
  --min-cases N             病例数少于 N 的单元不参与拟合（默认 5）
  --flag X                  实际 / 预期超出 1 ± X 时标记（默认 0.2）
  --top N                   列出贡献最大的 N 个 ADRG（默认 10）
  --target-share X          CMI 目标向标杆缩小差距的比例，0 到 1（默认 0.3）
  --target-benchmark R      住院日与费用目标的标杆标化值：hospital（默认，目标年份全院合计 / 总权重）
                            或 pNN，各单元的第 NN 百分位数（p25、p50）
  --los-benchmark R，--cost-benchmark R   仅对其中之一设定，也可给定值（天或元 / 权重）
  --cmi-benchmark 文件      各单元的标杆 CMI（单元列和 CMI 列）；默认取各单元自身最好的一年
  --period P                监测表的统计期：year 按年（默认）、quarter 按季度、month 按月（取自出院日期），
                            或 column（统计期列，如 统计期、月份，按原值）
  --out 文件、--force、--json、--lang zh|en、--sheet、--encoding、--map、--show-mapping   同 report（默认 trends.xlsx）；
                            --json 输出 { quality, decomposition, curve, targets, monitor, parameters }

支付选项（工作表：DRG盈亏、科室医师盈亏、高低倍率病例、支付参数；每行一个病例，以住院总费用判断高低倍率）：
  --weights 文件            发布的权重表（必填；读取规则同 report）
  --rate R                  每权重金额（费率，必填）；--point-value 为每点金额时填 100
  --point-value V           点值，作为费率的系数（默认 1），或每点金额
  --coefficient K           机构系数（默认 1）
  --group-means 文件        判断高低倍率用的区域病组均值表（病组编码列和均值列：次均费用、例均费用、
                            平均费用、组均费用、mean cost）；默认取本院该病组病例的平均费用
  --rules "键=值; ..."      高低倍率规则，同 DRG.DRG_PAYMENT 的 rules（键见下，未给的取默认值）
  --high 3,2,1.5            各基准点数分段的高倍率
  --bands 100,200           基准点数分段的上界
  --low 0.4                 低倍率
  --points 100              每权重点数
  --base data|standard      病组均值：病例平均费用（默认）或 RW × 每权重金额
  --missing exclude|error   无权重或无区域均值的病组：不计入并计数（默认）或报错
  --layer 层级              与预收入相比的成本：charges 住院总费用（默认）、marginal、direct、gross、net
  --by department|doctor    只输出一张单元表（默认科室，数据有医师列时另加医师）
  --top N                   图中亏损最大与结余最大的病组各 N 个（默认 10）
  --out 文件、--force、--json、--lang zh|en、--sheet、--encoding、--map、--show-mapping   同 report（默认 payment.xlsx）；
                            --json 输出 { groups, units, parameters }

对比选项（工作表：版本对比、改组病例、参数；版本A为分组列 DRG编码 配 --weights，版本B为第二分组列 医保DRG编码
（医保DRG、医保分组编码、Insurance DRG，或 --map drgB=<表头>）配 --weights-b；两个版本对比同一批病例）：
  --weights 文件            版本A的权重表（必填；读取规则同 report）
  --weights-b 文件          版本B的权重表（默认同 --weights）；病例文件没有第二分组列时必填，版本B即同一分组配以此表
  --by department|doctor    每行一个核算单元，按总权重减少从多到少排列（默认按科室，数据有科室列时）
  --missing exclude|error   分组在本版本权重表中无权重的病例：两个版本均不计入并计数（默认），或报错并指明权重表和行号
  --names "A,B"             报告中两个版本的名称（默认 版本A,版本B）
  --out 文件、--force、--json、--lang zh|en、--sheet、--encoding、--map、--show-mapping   同 report（默认 compare.xlsx）；
                            --json 输出 { overall, units, regrouped, parameters }

示例：
  casemix report samples/cases.csv --pool 1000000 --out report.xlsx
  casemix report cases.xlsx --sheet 出院病例 --x-cut 1 --layer net --unit both --json
  casemix audit weights_2022.csv --adjusted weights_2024.csv --volume samples/cases.csv --out audit.xlsx
  casemix audit weights_2024.csv --tilt "rw>=2: 1.1; rw<0.8: 0.95" --volume samples/cases.csv --out tilt.xlsx
  casemix report samples/cases.csv --weights weights_2024.csv --revenue payment --rate 5000 --out report.xlsx
  casemix trends samples/cases.csv --before 2022 --after 2024 --out trends.xlsx
  casemix trends samples/cases.csv --target-benchmark p50 --target-share 0.5 --json
  casemix payment samples/cases.csv --weights data/harbin_chsdrg_weights_2024.csv --rate 10000 --out pnl.xlsx
  casemix compare samples/cases.csv --weights data/harbin_chsdrg_weights_2022.csv \\
      --weights-b data/harbin_chsdrg_weights_2024.csv --by department --names "2022版,2024版" --out compare.xlsx
  casemix trends samples/cases.csv --period month --out monitoring.xlsx
`,
};
