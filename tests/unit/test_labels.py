"""Stage 3: label variants and typos seen in real reports name the right row or column."""

import pytest
from hypothesis import given, settings, strategies as st

from service.contract import FIELDS
from service.parsing.labels import (GENERIC_ROWS, ROW_RES, _find_rows, find_active_disclosure_columns, find_rows,
                                    template_votes)
from service.parsing.normalize import compact, prepare


def rows(text, table):
    return find_rows(compact(prepare(text).norm), table)


@pytest.mark.parametrize("label, row", [
    ("一、本年新收政府信息公开申请数量", "new_received"),
    ("二、 上年结转政府信息公开申请数量", "carried_over"),
    ("（一）予以公开", "granted"),
    ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", "partially_granted"),
    ("（二）部分公开（区分处理的，只计这一情况，不计其他情形）", "partially_granted"),   # seed-001
    ("（三）不予公开1.属于国家秘密", "denied_state_secret"),
    ("2.其他法律行政止公开", "denied_prohibited_by_law"),                              # hongze-2023
    ('3.危及"三安全一稳定"', "denied_security_stability"),
    ("5.属于三类内容事务信息", "denied_internal_affairs"),                              # seed-001
    ("1.本机关不掌握相关政府信息", "unable_not_held"),
    ("法提供 2.没有现成信息需要另行制作", "unable_needs_creation"),                    # huaian-2024
    ("3.补正后申请内容仍不明确", "unable_unclear"),
    ("4.无正当理由大量反复 申请", "rejected_excessive"),
    ("5.要求行政机关确认或重 新出具已获取信息", "rejected_confirmation"),
    ("（六）其他处理", "other_handling"),
    ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_overdue_correction"),
    ("2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"),
    ("3、其他", "other_other"),
    ("(七) 总计", "total_handled"),
    ("四、结转下年度继续办理", "carried_forward"),
])
def test_application_rows(label, row):
    assert rows(label, "applications")[-1] == row


@pytest.mark.parametrize("label", ["三、本年度办理结果", "申请人情况", "（三）不予公开", "（四）无法提供", "总计",
                                   "自然人", "商业企业"])
def test_group_and_header_labels_name_no_application_row(label):
    assert rows(label, "applications") == []


@pytest.mark.parametrize("label, row", [
    ("规章", "regulations"), ("规范性文件", "normative_documents"), ("行政规范性文件", "normative_documents"),
    ("行政许可", "licensing"), ("其他对外管理服务事项", "other_services"), ("行政处罚", "penalty"),
    ("行政强制", "enforcement"), ("行政事业性收费", "fees"), ("行政事业型收费", "fees"),
    ("政府集中采购", "procurement"),
])
def test_active_disclosure_rows(label, row):
    assert rows(label, "active_disclosure") == [row]


@pytest.mark.parametrize("header, columns", [
    ("信息内容本年新制作数量本年新公开数量对外公开总数量", ["new_made", "new_published", "total_published"]),
    ("信息内容本年新\n制作数量本年新\n公开数量对外公开\n总数量", ["new_made", "new_published", "total_published"]),
    ("信息内容本年制发件数本年废止件数现行有效件数", ["issued", "repealed", "in_force"]),
    ("信息内容上一年项目数量本年增/减处理决定数量", ["previous", "change", "decisions"]),
    ("信息内容2019年\n项目数量处理\n决定数量", ["previous", "decisions"]),          # putian-city-2019
    ("信息内容采购项目数量采购总金额", ["projects", "amount"]),
    ("信息内容本年收费金额（单位：万元）", ["amount"]),
])
def test_active_disclosure_header_columns(header, columns):
    assert find_active_disclosure_columns(compact(prepare(header).norm)) == columns


def test_template_markers():
    assert template_votes("本年制发件数本年废止件数现行有效件数") == {"2019": 0, "2021": 3}
    assert template_votes("本年新制作数量对外公开总数量政府集中采购") == {"2019": 3, "2021": 0}


def _rows_by_every_match(text, table):
    """The definition of find_rows: the end of each row pattern's last match, in order."""
    hits = []
    for key, pattern in ROW_RES[table].items():
        matches = list(pattern.finditer(text))
        if matches:
            hits.append((matches[-1].end(), key))
    specific = [hit for hit in hits if hit[1] not in GENERIC_ROWS[table]]
    return tuple(key for _, key in sorted(specific or hits))


def _printed_labels():
    labels = []
    for table in ("applications", "reviews_and_lawsuits"):
        for row, label in FIELDS["tables"][table]["rows"].items():
            text = label if isinstance(label, str) else label.get("label", row)
            labels.append(compact(prepare(text).norm))
    return sorted(set(labels))


LABEL_PIECES = _printed_labels() + ["其他", "处理", "(七)", "1.", "2.", "申请", "、", "总计", "0"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=4).map("".join),
       st.sampled_from(["applications", "reviews_and_lawsuits"]))
def test_find_rows_is_the_last_match_of_each_row_pattern(text, table):
    assert _find_rows(text, table) == _rows_by_every_match(text, table)
