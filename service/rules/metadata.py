"""Patterns for the report's metadata: title, signature date, stated publication date, contacts."""

# A title in compact form (no white space): [organization] YEAR 年(度) [organization] … 报告.
TITLE_PATTERN = (
    r"(?P<pre>[^\d]{0,60}?)(?P<year>(?:19|20)\d\d)年度?(?P<mid>[^\d]{0,30}?)"
    r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?(?:年度)?报告"
)

# What may stand before the organization in a title line or sentence, and is not part of it.
TITLE_PREFIXES = r"^.*(?:标题|题目|名称|现公布|公布|编制|发布|关于|印发|当前位置)[:：]?"

# An organization printed on the line above a title that starts with the year.
ORGANIZATION_LINE = r"^[^\d，。,;；:：!?、]{2,40}$"
ORGANIZATION_SUFFIXES = r"(?:政府|委员会|委|局|厅|办公室|办|镇|乡|街道|中心|院|署|会|区|县|市|所|处|站|队|部)$"

# A date: 2021年1月14日 / 2021-01-14 / 2021/1/14 / 2021.01.14.
DATE_PATTERN = r"(?P<y>(?:19|20)\d\d)\s{0,3}(?:年|-|/|\.)\s{0,3}(?P<m>\d{1,2})\s{0,3}(?:月|-|/|\.)\s{0,3}(?P<d>\d{1,2})\s{0,3}日?"

# A stated publication date near the start: 发布时间: 2020-01-20 15:22 / 时间：2020-03-05 / 发布日期：…
PUBLISHED_LABEL = r"(?:发布时间|发布日期|公开日期|成文日期|印发日期|时间|日期)\s{0,3}[:：]\s{0,3}"

# The statistics period names the year covered: 自2024年1月1日起至2024年12月31日止.
PERIOD_PATTERN = (r"(?P<year>(?:19|20)\d\d)\s{0,3}年\s{0,3}1\s{0,3}月\s{0,3}1\s{0,3}日\s{0,3}(?:起)?\s{0,3}(?:至|到|-|—)"
                  r"\s{0,3}(?:(?P=year)\s{0,3}年\s{0,3})?12\s{0,3}月\s{0,3}31\s{0,3}日")

CONTACT_PATTERNS = {
    "address": r"(?:通讯|通信|联系|办公)?地址[:：](?P<value>[^;；,，。)）\n]{3,80})",
    "postcode": r"邮(?:政)?编(?:码)?[:：]?(?P<value>\d{6})(?!\d)",
    "phone": r"(?:联系|咨询|办公)?电话(?:/传真)?(?:号码)?[:：](?P<value>[\d\-—()（）+转]{7,30})",
    "fax": r"传真(?:号码)?[:：](?P<value>[\d\-—()（）+]{7,30})|电话/传真[:：](?P<value2>[\d\-—()（）+]{7,30})",
    "email": r"(?P<value>[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,6})",
}
