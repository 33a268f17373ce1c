"""A generated firm list, as an enterprise-database export would give it: fictional firms, labelled so.

Run ``python -m bench.firm_data OUT.csv [--rows 300] [--seed 7]``. The file opens with a line saying it
is generated data (生成的示例数据) and every row says so again in its 数据说明 column; the names are
made of invented words. The firms lie in the sample corpus's regions (湖州 and its districts, 平湖), and
their 经营范围 use the keywords and products of the links of chains those documents name (the bundled
chain templates), so placement puts them on links. The same arguments always give the same bytes.
``tools/run.sh`` imports a small one; ``bench.firm_import`` a large one.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

from chainkg.loaders.firm_table import with_check_digit
from chainkg.templates import ChainTemplate, load_templates, match

#: The note of every generated file and row.
LABEL = "生成的示例数据（虚构企业，仅供演示）"
HEADER = [
    "企业名称",
    "统一社会信用代码",
    "法定代表人",
    "注册资本",
    "成立日期",
    "所属省份",
    "所属城市",
    "所属区县",
    "国标行业",
    "经营范围",
    "企业类型",
    "专精特新",
    "上市状态",
    "规上企业",
    "数据说明",
]
#: (city, county, the county's 6-digit code) of the sample corpus's regions.
PLACES = (
    ("湖州市", "吴兴区", "330502"),
    ("湖州市", "南浔区", "330503"),
    ("湖州市", "德清县", "330521"),
    ("湖州市", "长兴县", "330522"),
    ("湖州市", "安吉县", "330523"),
    ("嘉兴市", "平湖市", "330482"),
)
#: Chains the sample documents name, found in the bundled templates by these names.
CHAINS = ("智能物流装备", "动力电池", "新能源汽车", "高档数控机床", "生物医药", "新型储能", "工程机械", "纺织面料")
#: Invented syllables for names: no real firm is meant.
_SYLLABLES = "澜珩翊琮瑆珈璟岚洺琪璞翎玹钰湛熠霁沅曜枢弈淇昶晟骁颢汐洵"
_TRADES = ("科技", "智能", "装备", "新材", "电子", "精密", "机械", "实业", "能源", "材料")
_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
_GIVEN = "明华强军平安晨宇航琳静涛磊娜杰婷"
_TYPES = ("有限责任公司(自然人投资或控股)", "有限责任公司(法人独资)", "股份有限公司(非上市)", "其他有限责任公司")
_GENERAL = "一般项目：技术服务、技术开发、技术咨询；货物进出口；技术进出口"


def _chains() -> list[ChainTemplate]:
    templates = load_templates()
    found = [match(name, templates) for name in CHAINS]
    return [t for t in found if t is not None]


def _brand(index: int) -> str:
    """A distinct invented name for each index (two or three syllables, then a number past that)."""
    n = len(_SYLLABLES)
    first, rest = _SYLLABLES[index % n], index // n
    second, rest = _SYLLABLES[(rest + 1 + 3 * (index % n)) % n], rest // n
    brand = first + second
    if rest:
        third, rest = _SYLLABLES[rest % n], rest // n
        brand += third + (str(rest) if rest else "")
    return brand


def _scope(rng: random.Random, chains: list[ChainTemplate]) -> tuple[str, str]:
    """An 经营范围 naming one chain link's keywords and products (most firms), or a general one."""
    if rng.random() < 0.15:
        return "商务服务业", _GENERAL
    chain = rng.choice(chains)
    link = rng.choice(chain.links)
    words = rng.sample(link.keywords, min(2, len(link.keywords)))
    products = rng.sample(link.products, min(2, len(link.products)))
    return chain.name, f"{'、'.join(words)}的研发、制造与销售；{'、'.join(products)}生产；{_GENERAL}"


def rows(count: int, seed: int = 7) -> Iterator[list[str]]:
    """``count`` generated rows, in the order of :data:`HEADER`."""
    rng = random.Random(seed)
    chains = _chains()
    for index in range(count):
        city, county, code = PLACES[rng.randrange(len(PLACES))]
        place = county[:2] if city == "湖州市" else "平湖"
        name = f"{place}{_brand(index)}{rng.choice(_TRADES)}有限公司"
        serial = f"MA2{index:06d}"[-9:]
        credit = with_check_digit(f"91{code}{serial}")
        industry, scope = _scope(rng, chains)
        founded = f"{rng.randrange(1995, 2024)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        capital = f"{rng.choice((50, 100, 200, 500, 1000, 3000, 5000, 12000))}万元人民币"
        yes = ("是", "否")
        yield [
            name,
            credit,
            rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN),
            capital,
            founded,
            "浙江省",
            city,
            county,
            industry,
            scope,
            rng.choice(_TYPES),
            yes[rng.random() >= 0.12],
            "A股上市" if rng.random() < 0.02 else "未上市",
            yes[rng.random() >= 0.3],
            LABEL,
        ]


def write(path: Path, count: int, seed: int = 7) -> Path:
    """Write the generated list to ``path`` (UTF-8 with BOM, as Excel saves a CSV)."""
    out = io.StringIO()
    out.write(LABEL + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows(count, seed))
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write(args.out, args.rows, args.seed)
    print(f"wrote {args.rows} generated firms to {args.out}")


if __name__ == "__main__":
    main()
