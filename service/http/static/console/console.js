// The console: reports go to POST /parse/batch, answers stay in this page (nothing is stored on
// the server), downloads go through POST /export. Plain JavaScript, no build step, no library.
// Everything taken from a report is put in the page as text (textContent), never as markup.
"use strict";

const TEXT = {
  title: {zh: "政府信息公开年度报告检查台", en: "Annual disclosure report console"},
  api_docs: {zh: "接口文档", en: "API docs"},
  add_reports: {zh: "添加报告", en: "Add reports"},
  drop_hint: {zh: "把报告文件拖到这里（可一次多个）：文本（任意编码）、网页、Word（.docx）、PDF",
              en: "Drop report files here (many at once): text in any encoding, web pages, Word (.docx), PDF"},
  choose_files: {zh: "选择文件", en: "Choose files"},
  or_paste: {zh: "或粘贴报告全文", en: "or paste a report's full text"},
  paste_placeholder: {zh: "在此粘贴一份报告的全文", en: "Paste the full text of one report here"},
  parse_pasted: {zh: "解析粘贴的文本", en: "Parse the pasted text"},
  privacy: {zh: "报告只在本页面和解析请求中使用，服务器不保存；关闭页面即全部清除。",
            en: "Reports are used only in this page and its parse requests; the server keeps nothing. Closing the page forgets everything."},
  overview: {zh: "总览", en: "Overview"},
  download_all: {zh: "下载全部：", en: "Download all:"},
  download_one: {zh: "下载本报告：", en: "Download this report:"},
  clear: {zh: "清空", en: "Clear"},
  sort_hint: {zh: "点击列标题排序；点击一行查看该报告。", en: "Click a column heading to sort; click a row to open the report."},
  back: {zh: "← 返回总览", en: "← Back to the overview"},
  progress: {zh: "已处理 {done} / {total} 份", en: "{done} of {total} reports done"},
  pasted: {zh: "粘贴的文本", en: "pasted text"},
  col_index: {zh: "序号", en: "#"},
  col_id: {zh: "文件", en: "File"},
  col_organization: {zh: "机关", en: "Body"},
  col_year: {zh: "年度", en: "Year"},
  col_template: {zh: "表格格式", en: "Template"},
  col_add_up: {zh: "表格数据", en: "Tables add up"},
  col_errors: {zh: "错误", en: "Errors"},
  col_warnings: {zh: "警告", en: "Warnings"},
  col_unread: {zh: "未读出单元格", en: "Unread cells"},
  col_unreadable_tables: {zh: "未读出表格", en: "Unread tables"},
  add_up_pass: {zh: "相符", en: "add up"},
  add_up_fail: {zh: "不相符", en: "do not add up"},
  add_up_not_assessable: {zh: "无法判断", en: "not assessable"},
  not_parsed: {zh: "未能解析：", en: "Not parsed: "},
  metadata: {zh: "基本信息", en: "Metadata"},
  meta_title: {zh: "标题", en: "Title"},
  meta_organization: {zh: "机关", en: "Body"},
  meta_year: {zh: "年度", en: "Year"},
  meta_template: {zh: "表格格式", en: "Template"},
  meta_published_on: {zh: "发布日期", en: "Published"},
  meta_address: {zh: "地址", en: "Address"},
  meta_postcode: {zh: "邮编", en: "Postcode"},
  meta_phone: {zh: "电话", en: "Phone"},
  meta_fax: {zh: "传真", en: "Fax"},
  meta_email: {zh: "电子邮箱", en: "E-mail"},
  meta_input: {zh: "读取方式", en: "Read as"},
  findings: {zh: "检查发现", en: "Findings"},
  no_findings: {zh: "没有未通过的检查。", en: "No check failed."},
  other_warnings: {zh: "其他解析警告", en: "Other parse warnings"},
  line: {zh: "第 {n} 行", en: "line {n}"},
  page: {zh: "（PDF 第 {n} 页）", en: " (PDF page {n})"},
  pages: {zh: "共 {n} 页", en: "{n} pages"},
  lines: {zh: "行号：", en: "Lines: "},
  tables: {zh: "统计表", en: "Tables"},
  table_missing: {zh: "报告中未读出此表。", en: "This table was not read from the report."},
  table_warnings: {zh: "本表的解析警告", en: "Parse warnings of this table"},
  sections: {zh: "正文各部分", en: "Sections"},
  inferred: {zh: "（标题缺失，据小标题推断）", en: " (heading missing, inferred from a sub-heading)"},
  severity_error: {zh: "错误", en: "error"},
  severity_warning: {zh: "警告", en: "warning"},
  severity_info: {zh: "提示", en: "info"},
  warning: {zh: "解析警告", en: "parse warning"},
  request_failed: {zh: "请求失败", en: "Request failed"},
  no_template: {zh: "未识别", en: "unknown"},
};

const state = {
  lang: "zh",
  config: null,        // GET /console/layout.json
  items: [],           // {index, id, status, result | problem, source: File | Blob}
  sort: {key: "index", dir: 1},
  selected: null,
  pastes: 0,
};

// --- small helpers ----------------------------------------------------------------------------

function t(key, values) {
  const entry = TEXT[key];
  let text = entry ? entry[state.lang] : key;
  for (const [name, value] of Object.entries(values || {})) text = text.replace(`{${name}}`, value);
  return text;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function $(selector) { return document.querySelector(selector); }

function problemText(problem) {
  return `${problem.title || ""}: ${problem.detail || ""}`;
}

function cellPath(table, row, column) { return `tables.${table}.rows.${row}.${column}`; }

// --- what the overview counts (as service/report_summary.py counts for the workbook) ----------

function summarize(result) {
  const config = state.config;
  const checks = result.checks || [];
  const statuses = new Set(checks.filter(c => config.arithmetic_rules.includes(c.rule)).map(c => c.status));
  const addUp = statuses.has("fail") ? "fail" : statuses.has("pass") ? "pass" : "not_assessable";
  const failed = severity => checks.filter(c => c.status === "fail" && c.severity === severity).length;
  const warnings = result.warnings || [];
  let unread = 0;
  for (const [table, found] of Object.entries(result.tables || {})) {
    if (!found) continue;
    const named = warnings.filter(w => w.table === table && config.cell_warning_codes.includes(w.code));
    for (const [row, cells] of Object.entries(found.rows)) {
      for (const [column, value] of Object.entries(cells)) {
        if (value === null && named.some(w => (w.row === null || w.row === row) &&
                                              (w.column === null || w.column === column))) unread += 1;
      }
    }
  }
  return {add_up: addUp, errors: failed("error"), warnings: failed("warning"), infos: failed("info"),
          unread_cells: unread, unreadable_tables: warnings.filter(w => w.code === config.table_warning_code).length};
}

// --- sending reports ---------------------------------------------------------------------------

function chunks(items) {
  const limits = state.config.limits;
  const maxDocuments = Math.min(limits.max_documents, 8);
  const maxBytes = Math.floor(limits.max_bytes * 0.9);
  const groups = [];
  let group = [], bytes = 0;
  for (const item of items) {
    if (group.length && (group.length >= maxDocuments || bytes + item.source.size > maxBytes)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += item.source.size;
  }
  if (group.length) groups.push(group);
  return groups;
}

async function send(group) {
  const form = new FormData();
  // Each file goes with the media type the browser gives it (application/octet-stream when it
  // knows none: the server sniffs the bytes), so new kinds (PDF) need no change here.
  for (const item of group) form.append("file", item.source, item.id);
  try {
    const response = await fetch("/parse/batch", {method: "POST", body: form, headers: {Accept: "application/json"}});
    const body = await response.json();
    if (!response.ok) return group.map(() => ({status: response.status, problem: body}));
    return body.documents;
  } catch (error) {
    return group.map(() => ({status: 0, problem: {title: t("request_failed"), detail: String(error)}}));
  }
}

async function parseAll(sources) {
  if (!sources.length) return;
  const added = sources.map(([id, source]) => ({index: state.items.length, id, source, status: null}));
  added.forEach((item, offset) => { item.index = state.items.length + offset; });
  state.items.push(...added);
  let done = 0;
  showProgress(done, added.length);
  for (const group of chunks(added)) {
    const answers = await send(group);
    group.forEach((item, position) => {
      const answer = answers[position] || {};
      item.status = answer.status;
      if (answer.result) item.result = answer.result;
      else item.problem = answer.problem;
    });
    done += group.length;
    showProgress(done, added.length);
    renderOverview();
  }
  document.body.dataset.busy = "false";
}

function showProgress(done, total) {
  $("#progress").hidden = false;
  $("#progress-bar").max = total;
  $("#progress-bar").value = done;
  $("#progress-text").textContent = t("progress", {done, total});
  document.body.dataset.busy = done < total ? "true" : "false";
}

// --- the overview ------------------------------------------------------------------------------

const OVERVIEW_COLUMNS = [
  ["index", "col_index", true], ["id", "col_id"], ["organization", "col_organization"], ["year", "col_year", true],
  ["template", "col_template"], ["add_up", "col_add_up"], ["errors", "col_errors", true],
  ["warnings", "col_warnings", true], ["unread_cells", "col_unread", true],
  ["unreadable_tables", "col_unreadable_tables", true],
];
const ADD_UP_ORDER = {fail: 0, not_assessable: 1, pass: 2};

function overviewRow(item) {
  const report = item.result ? item.result.report : {};
  const summary = item.result ? summarize(item.result) : {};
  return {index: item.index + 1, id: item.id, organization: report.organization, year: report.year,
          template: report.template, ...summary, item};
}

function sortValue(row, key) {
  if (key === "add_up") return row.add_up === undefined ? -1 : ADD_UP_ORDER[row.add_up];
  const value = row[key];
  return value === undefined || value === null ? "" : value;
}

function renderOverview() {
  $("#overview").hidden = state.items.length === 0;
  const head = $("#overview-table thead tr");
  head.replaceChildren(...OVERVIEW_COLUMNS.map(([key, label]) => {
    const th = el("th", {"data-key": key, scope: "col"}, t(label));
    if (state.sort.key === key) th.setAttribute("aria-sort", state.sort.dir > 0 ? "ascending" : "descending");
    th.addEventListener("click", () => {
      state.sort = {key, dir: state.sort.key === key ? -state.sort.dir : 1};
      renderOverview();
    });
    return th;
  }));
  const rows = state.items.filter(item => item.status !== null).map(overviewRow);
  const {key, dir} = state.sort;
  rows.sort((a, b) => {
    const x = sortValue(a, key), y = sortValue(b, key);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.index - b.index;
  });
  $("#overview-table tbody").replaceChildren(...rows.map(row => {
    const tr = el("tr", {"data-id": row.id, "data-index": row.index - 1, class: row.item.result ? null : "failed-doc"});
    for (const [column, , numeric] of OVERVIEW_COLUMNS) {
      tr.append(el("td", {class: numeric ? "num" : null, "data-key": column}, overviewCell(row, column)));
    }
    tr.addEventListener("click", () => openReport(row.item));
    return tr;
  }));
}

function overviewCell(row, column) {
  if (!row.item.result) {
    if (column === "organization") return `${t("not_parsed")}${problemText(row.item.problem || {})}`;
    return ["index", "id"].includes(column) ? row[column] : "";
  }
  const value = row[column];
  if (column === "add_up") return el("span", {class: `badge ${value}`}, t(`add_up_${value}`));
  if (column === "template") return value || t("no_template");
  if (column === "errors" && value) return el("span", {class: "count-error"}, value);
  if (column === "warnings" && value) return el("span", {class: "count-warning"}, value);
  return value === null || value === undefined ? "" : value;
}

// --- one report --------------------------------------------------------------------------------

function openReport(item) {
  state.selected = item;
  $("#input").hidden = true;
  $("#overview").hidden = true;
  $("#report").hidden = false;
  renderReport();
  window.scrollTo(0, 0);
}

function closeReport() {
  state.selected = null;
  $("#report").hidden = true;
  $("#input").hidden = false;
  renderOverview();
}

function renderReport() {
  const item = state.selected;
  const body = $("#report-body");
  if (!item.result) {
    $("#report-heading").textContent = item.id;
    body.replaceChildren(el("p", {class: "problem"}, t("not_parsed"), problemText(item.problem || {})));
    return;
  }
  const result = item.result;
  $("#report-heading").textContent = result.report.title || item.id;
  const marks = cellMarks(result);
  body.replaceChildren(
    el("div", {class: "two-col"},
      el("div", {}, el("h3", {}, t("metadata")), metadata(result)),
      el("div", {}, el("h3", {}, t("findings")), findings(result))),
    el("h3", {}, t("tables")),
    ...tables(result, marks),
    el("h3", {}, t("sections")),
    sections(result));
}

function metadata(result) {
  const report = result.report;
  const contacts = report.contacts || {};
  const input = result.input || {};
  const entries = [["meta_title", report.title], ["meta_organization", report.organization], ["meta_year", report.year],
    ["meta_template", report.template || t("no_template")], ["meta_published_on", report.published_on],
    ["meta_address", contacts.address], ["meta_postcode", contacts.postcode], ["meta_phone", contacts.phone],
    ["meta_fax", contacts.fax], ["meta_email", contacts.email],
    ["meta_input", [input.media_type, input.encoding, input.pages ? t("pages", {n: input.pages}) : null]
      .filter(Boolean).join(", ")]];
  const warnings = (result.warnings || []).filter(w => !w.table && !w.section);
  return el("div", {},
    el("dl", {class: "meta"}, ...entries.flatMap(([key, value]) => [el("dt", {}, t(key)), el("dd", {}, value ?? "—")])),
    warnings.length ? el("div", {}, el("h4", {}, t("other_warnings")), warningList(warnings)) : null);
}

function checkMessage(check) {
  return check.message ? check.message[state.lang] || check.message.zh : check.rule;
}

function findings(result) {
  const failed = (result.checks || []).filter(c => c.status === "fail");
  if (!failed.length) return el("p", {class: "note"}, t("no_findings"));
  return el("ul", {class: "findings"}, ...failed.map(check => el("li", {class: check.severity, "data-rule": check.rule},
    el("span", {class: `badge ${check.severity}`}, t(`severity_${check.severity}`)), " ",
    el("code", {}, check.rule), " ", checkMessage(check),
    check.lines && check.lines.length ? el("div", {class: "where"}, t("lines"), check.lines.join("、")) : null,
    ...(check.excerpts || []).map(excerpt => el("div", {class: "excerpt"},
      el("span", {class: "where"}, t("line", {n: excerpt.line}),
                   excerpt.page ? t("page", {n: excerpt.page}) : "", "　"), excerpt.text)))));
}

function warningList(warnings) {
  return el("ul", {class: "findings"}, ...warnings.map(warning => el("li", {class: "warning", "data-code": warning.code},
    el("span", {class: "badge warning"}, t("warning")), " ", el("code", {}, warning.code), " ",
    [warning.row, warning.column].filter(Boolean).join(" · "), warning.row ? "：" : "", warning.message,
    warning.line ? el("span", {class: "where"}, "　", t("line", {n: warning.line}),
                      warning.page ? t("page", {n: warning.page}) : "") : null)));
}

// Which cells a failed check involves (the worst severity wins) and which a warning names.
function cellMarks(result) {
  const rank = {error: 3, warning: 2, info: 1};
  const failed = {}, titles = {};
  for (const check of result.checks || []) {
    if (check.status !== "fail") continue;
    for (const path of check.paths || []) {
      if ((rank[check.severity] || 0) > (rank[failed[path]] || 0)) failed[path] = check.severity;
      (titles[path] = titles[path] || []).push(`${check.rule}: ${checkMessage(check)}`);
    }
  }
  return {failed, titles, warnings: result.warnings || []};
}

function valueCell(result, marks, table, row, column) {
  const rows = (result.tables[table] || {rows: {}}).rows;
  const cells = rows[row] || {};
  const path = cellPath(table, row, column);
  const value = column in cells ? cells[column] : undefined;
  // A warning naming this row (and column), or an unread cell under a warning about the table.
  const warned = marks.warnings.filter(w => w.table === table &&
    ((w.row === row && (w.column === null || w.column === column)) ||
     (value === null && w.row === null && state.config.cell_warning_codes.includes(w.code))));
  const classes = [value === null ? "null" : null, marks.failed[path] ? `cell-${marks.failed[path]}` : null,
                   warned.length ? "warned" : null].filter(Boolean).join(" ");
  const title = [...(marks.titles[path] || []), ...warned.map(w => `${w.code}: ${w.message}`)].join("\n");
  return el("td", {"data-path": path, class: classes || null, title: title || null}, value ?? "");
}

function tables(result, marks) {
  const template = state.config.templates.includes(result.report.template) ? result.report.template : "neutral";
  const layouts = state.config.layouts[template];
  return Object.entries(layouts).flatMap(([table, layout]) => {
    const found = result.tables[table];
    const own = marks.warnings.filter(w => w.table === table);
    const heading = el("h4", {}, layout.title);
    const grid = !found ? el("p", {class: "note"}, t("table_missing")) :
      table === "active_disclosure" ? activeDisclosure(result, marks, layout) :
      table === "applications" ? applications(result, marks, layout) : reviews(result, marks, layout);
    return [el("div", {class: "table-block", "data-table": table}, heading, grid,
               own.length ? el("div", {}, el("div", {class: "where"}, t("table_warnings")), warningList(own)) : null)];
  });
}

function activeDisclosure(result, marks, layout) {
  const rows = result.tables.active_disclosure.rows;
  const width = Math.max(...layout.blocks.map(block => block.columns.length)) + 1;
  const body = [];
  for (const block of layout.blocks) {
    const present = block.rows.filter(row => row.key in rows);
    if (!present.length) continue;
    body.push(el("tr", {}, el("th", {colspan: width, class: "article"}, block.article)));
    body.push(el("tr", {}, el("th", {}, block.content_header),
      ...block.columns.map((column, i) => el("th", {colspan: i === block.columns.length - 1 ?
        width - block.columns.length : 1}, column.label))));
    for (const row of present) {
      body.push(el("tr", {}, el("th", {}, row.label), ...block.columns.map((column, i) => {
        const td = valueCell(result, marks, "active_disclosure", row.key, column.key);
        if (i === block.columns.length - 1) td.colSpan = width - block.columns.length;
        return td;
      })));
    }
  }
  return el("table", {class: "grid form"}, el("tbody", {}, ...body));
}

function applications(result, marks, layout) {
  const rows = result.tables.applications.rows;
  const present = layout.rows.filter(row => row.key in rows);
  const columns = layout.columns;
  const grouped = columns.filter(column => column.group);
  const head = [
    el("tr", {}, el("th", {rowspan: 3, colspan: 3}, ""), el("th", {colspan: columns.length}, layout.applicant_header)),
    el("tr", {}, ...columns.flatMap((column, i) => column.group ?
      (columns[i - 1] && columns[i - 1].group === column.group ? [] :
        [el("th", {colspan: grouped.filter(c => c.group === column.group).length}, column.group)]) :
      [el("th", {rowspan: 2}, column.label)])),
    el("tr", {}, ...grouped.map(column => el("th", {}, column.label))),
  ];
  const isResult = row => row.label.startsWith("（");
  const results = present.filter(isResult);
  const body = present.map((row, i) => {
    const labels = [];
    if (isResult(row)) {
      if (row === results[0]) labels.push(el("th", {rowspan: results.length, class: "vertical"}, layout.results_header));
      if (row.group) {
        const previous = present[i - 1];
        if (!previous || previous.group !== row.group) {
          labels.push(el("th", {rowspan: present.filter(r => r.group === row.group).length}, row.group));
        }
        labels.push(el("th", {}, row.item));
      } else {
        labels.push(el("th", {colspan: 2}, row.label));
      }
    } else {
      labels.push(el("th", {colspan: 3}, row.label));
    }
    return el("tr", {"data-row": row.key}, ...labels,
              ...columns.map(column => valueCell(result, marks, "applications", row.key, column.key)));
  });
  return el("table", {class: "grid form"}, el("thead", {}, ...head), el("tbody", {}, ...body));
}

function reviews(result, marks, layout) {
  const groups = [];
  for (const row of layout.rows) {
    const name = row.group || row.item;
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.rows.push(row);
    else groups.push({name, rows: [row]});
  }
  const n = layout.columns.length;
  const head = [
    el("tr", {}, ...groups.map(group => group.rows.length === 1 && !group.rows[0].group ?
      el("th", {colspan: n, rowspan: 2}, group.name) : el("th", {colspan: n * group.rows.length}, group.name))),
    el("tr", {}, ...layout.rows.filter(row => row.group).map(row => el("th", {colspan: n}, row.item))),
    el("tr", {}, ...layout.rows.flatMap(() => layout.columns.map(column => el("th", {}, column.label)))),
  ];
  const values = el("tr", {}, ...layout.rows.flatMap(row =>
    layout.columns.map(column => valueCell(result, marks, "reviews_and_lawsuits", row.key, column.key))));
  return el("table", {class: "grid form"}, el("thead", {}, ...head), el("tbody", {}, values));
}

function sections(result) {
  const warnings = result.warnings || [];
  return el("div", {}, ...result.sections.map(section => {
    const own = warnings.filter(w => !w.table && w.section && (w.section === section.kind || w.section === section.number));
    return el("details", {class: "section", "data-kind": section.kind || ""},
      el("summary", {}, `${section.number}、${section.title}`, section.inferred ? t("inferred") : "",
         el("span", {class: "where"}, "　", t("line", {n: `${section.line}–${section.end_line}`}))),
      own.length ? warningList(own) : null,
      el("pre", {}, section.text));
  }));
}

// --- downloads ---------------------------------------------------------------------------------

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function answerItem(item) {
  const answer = {index: item.index, id: item.id, status: item.status};
  if (item.result) answer.result = item.result;
  else answer.problem = item.problem;
  return answer;
}

function save(blob, name) {
  const link = el("a", {href: URL.createObjectURL(blob), download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

async function download(kind, scope) {
  const items = scope === "one" ? [state.selected] : state.items.filter(item => item.status !== null);
  const answers = items.map(answerItem);
  const base = scope === "one" ? items[0].id.replace(/\.[^.]*$/, "") : "reports";
  if (kind === "json") {
    const body = scope === "one" && items[0].result ? items[0].result : {documents: answers};
    save(new Blob([JSON.stringify(body, null, 2)], {type: "application/json"}), `${base}.json`);
    return;
  }
  const response = await fetch("/export", {method: "POST", headers: {"Content-Type": "application/json",
    Accept: kind === "csv" ? "text/csv" : XLSX}, body: JSON.stringify({documents: answers})});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    window.alert(`${t("request_failed")}: ${problemText(problem)}`);
    return;
  }
  save(await response.blob(), `${base}.${kind}`);
}

// --- wiring ------------------------------------------------------------------------------------

function translate() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  document.title = t("title");
  $("#lang").textContent = state.lang === "zh" ? "English" : "中文";
  $("#lang").lang = state.lang === "zh" ? "en" : "zh-CN";
  renderOverview();
  if (state.selected) renderReport();
}

function addFiles(fileList) {
  parseAll(Array.from(fileList).map(file => [file.name, file]));
}

async function start() {
  state.config = await (await fetch("/console/layout.json")).json();
  $("#version").textContent = `gov-report-parser ${state.config.version}`;
  const drop = $("#drop");
  drop.addEventListener("dragover", event => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", event => {
    event.preventDefault();
    drop.classList.remove("over");
    addFiles(event.dataTransfer.files);
  });
  $("#files").addEventListener("change", event => { addFiles(event.target.files); event.target.value = ""; });
  $("#paste-parse").addEventListener("click", () => {
    const text = $("#paste").value;
    if (!text.trim()) return;
    state.pastes += 1;
    parseAll([[`${t("pasted")} ${state.pastes}.txt`, new Blob([text], {type: "text/plain;charset=utf-8"})]]);
    $("#paste").value = "";
  });
  $("#lang").addEventListener("click", () => { state.lang = state.lang === "zh" ? "en" : "zh"; translate(); });
  $("#back").addEventListener("click", closeReport);
  $("#clear").addEventListener("click", () => {
    state.items = [];
    $("#progress").hidden = true;
    renderOverview();
  });
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download, button.dataset.scope));
  }
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
