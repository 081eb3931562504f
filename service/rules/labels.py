"""Row and column labels of the three statistical tables, as regular expressions.

Patterns are searched in a label's compact form: full-width characters folded to ASCII
(so "（一）" is "(一)"), white space, quotes and markdown removed. Keys are those of
contract/fields.json. Each list holds the official wording first, then variants and typos
seen in real reports (the comment names where).
"""

# --- Table 2: 主动公开政府信息情况 -------------------------------------------------------

ACTIVE_DISCLOSURE_ROWS = {
    "regulations": [r"规章"],
    "normative_documents": [r"规范性文件", r"规范文件"],
    "licensing": [r"行政许可"],
    "other_services": [r"对外管理服务"],
    "penalty": [r"行政处罚"],
    "enforcement": [r"行政强制"],
    "fees": [r"事业[性型]?收费"],                      # 行政事业型收费 (seed-002)
    "procurement": [r"集中采购", r"政府采购"],
}

# Column headers of table 2, longest spelling first; scanned left to right in a header.
ACTIVE_DISCLOSURE_COLUMNS = [
    ("projects", r"采购项目数量|采购项目数"),
    ("new_made", r"本年新制作数量|新制作数量|本年新制作|新制作"),
    ("new_published", r"本年新公开数量|新公开数量|本年新公开|新公开"),
    ("total_published", r"对外公开总数量|公开总数量|对外公开总数"),
    ("issued", r"本年制发件数|制发件数|本年制发|制发"),
    ("repealed", r"本年废止件数|废止件数|本年废止|废止"),
    ("in_force", r"现行有效件数|有效件数|现行有效"),
    ("previous", r"上一年项目数量|上年项目数量|(?:19|20)\d\d年项目数量|项目数量"),  # 2019年项目数量 (putian-city-2019)
    ("change", r"本年增/?减|增/?减"),
    ("decisions", r"本年处理决定数量|处理决定数量|决定数量|处理决定"),
    ("amount", r"本年收费金额|收费金额|采购总金额|总金额|金额"),
]

# --- Table 3: 收到和处理政府信息公开申请情况 -----------------------------------------------

# Rows whose label only names a group: used when no more specific row label is present.
GENERIC_APPLICATION_ROWS = frozenset({"other_handling"})

APPLICATION_ROWS = {
    "new_received": [r"本年新收", r"新收政府信息公开申请"],
    "carried_over": [r"上年结转", r"结转政府信息公开申请数量"],
    "granted": [r"予以公开"],
    "partially_granted": [r"部分公开"],
    "denied_state_secret": [r"国家秘密"],
    "denied_prohibited_by_law": [r"禁止公开", r"其他法律行政", r"法律行政法规"],   # 其他法律行政止公开 (hongze-2023)
    "denied_security_stability": [r"三安全一稳定", r"危及.{0,3}安全", r"安全稳定"],
    "denied_third_party_rights": [r"第三方合法权益", r"保护第三方"],
    "denied_internal_affairs": [r"内部事务", r"三类内"],                            # 三类内容事务信息 (seed-001)
    "denied_process_information": [r"过程性信息", r"四类过程"],
    "denied_enforcement_files": [r"执法案卷"],
    "denied_inquiry_matters": [r"行政查询", r"查询事项"],
    "unable_not_held": [r"不掌握"],
    "unable_needs_creation": [r"另行制作", r"没有现成"],
    "unable_unclear": [r"不明确"],
    "rejected_complaint": [r"信访", r"举报投诉"],
    "rejected_duplicate": [r"重复申请"],
    "rejected_publication": [r"出版物"],
    "rejected_excessive": [r"大量反复"],
    "rejected_confirmation": [r"重新出具", r"确认或重新"],
    "other_handling": [r"其他处理", r"\(六\)其他$"],
    "other_overdue_correction": [r"不补正"],
    "other_unpaid_fee": [r"收费通知", r"缴纳费用", r"逾期未缴"],
    "other_other": [r"(?<![\d.])3[.、]?其他(?!处理|法律|对外|结果)"],
    "total_handled": [r"\(七\)总计", r"七[、.]?总计", r"总计\(7\)", r"办理结果(?:合计|总计)"],
    "carried_forward": [r"结转下", r"转下一?年"],
}

APPLICATION_COLUMNS = [
    "natural_person", "commercial_enterprise", "research_institution",
    "social_welfare_org", "legal_service_org", "other_org", "total",
]

# Rows of table 3 in the order they are printed, per national template.
APPLICATION_ROW_ORDER = {
    "2019": [
        "new_received", "carried_over", "granted", "partially_granted",
        "denied_state_secret", "denied_prohibited_by_law", "denied_security_stability",
        "denied_third_party_rights", "denied_internal_affairs", "denied_process_information",
        "denied_enforcement_files", "denied_inquiry_matters",
        "unable_not_held", "unable_needs_creation", "unable_unclear",
        "rejected_complaint", "rejected_duplicate", "rejected_publication",
        "rejected_excessive", "rejected_confirmation",
        "other_handling", "total_handled", "carried_forward",
    ],
}
APPLICATION_ROW_ORDER["2021"] = [
    row for row in APPLICATION_ROW_ORDER["2019"] if row != "other_handling"
]
_at = APPLICATION_ROW_ORDER["2021"].index("total_handled")
APPLICATION_ROW_ORDER["2021"][_at:_at] = ["other_overdue_correction", "other_unpaid_fee", "other_other"]

# The rows of （六）其他处理: one row in 2019, three sub-rows in 2021. Real reports mix them
# (hongze-2023 prints the 2019 row in a 2021 table), so both spellings are read in either template.
OTHER_HANDLING_ROWS = {
    "2019": ["other_handling"],
    "2021": ["other_overdue_correction", "other_unpaid_fee", "other_other"],
}

# --- Table 4: 政府信息公开行政复议、行政诉讼情况 ---------------------------------------------

REVIEW_ROWS = {
    "review": [r"行政复议"],
    "lawsuit_direct": [r"直接起诉", r"未经复议"],
    "lawsuit_after_review": [r"复议后起诉", r"复议后诉讼"],
}
REVIEW_ROW_ORDER = ["review", "lawsuit_direct", "lawsuit_after_review"]
REVIEW_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]

# --- Templates ---------------------------------------------------------------------------

# Wording that only one national template uses; the template with more hits wins.
TEMPLATE_MARKERS = {
    "2019": [r"本年新制作", r"本年新公开", r"对外公开总数", r"上一年项目数量", r"本年增/?减",
             r"对外管理服务事项", r"集中采购", r"采购总金额"],
    "2021": [r"本年制发", r"本年废止", r"现行有效", r"本年收费金额", r"本年处理决定数量",
             r"不补正", r"收费通知"],
}

# --- Where each table starts -------------------------------------------------------------

TABLE_ANCHORS = {
    "active_disclosure": [r"第二十条", r"信息内容"],
    "applications": [r"勾稽关系", r"申请人情况", r"本年新收政府信息公开申请"],
    "reviews_and_lawsuits": [r"行政复议"],
}

# Label text that may stand on a table line without naming a row: group headers and
# column headers. Any other unmatched label on a line with values is reported as unknown.
NON_ROW_LABELS = [
    r"本年度办理结果", r"不予公开$", r"无法提供$", r"不予处理$", r"申请人情况", r"信息内容",
    r"第二十条", r"^[一二三四五六七八九十]+、$", r"^\([一二三四五六七八九十]+\)$", r"^\d+[.、]?$",
]
