"""The dump of POST /parse's answer: GENERATED from the marshmallow schemas by
`python scripts/write_result_dump.py` (service/http/schema_dump.py says how); do not edit. tests/contract/test_schema_dump.py fails when
this file is not what the schemas give now, and proves its dump equal to marshmallow's.
"""
# flake8: noqa

from marshmallow import missing
from marshmallow.utils import ensure_text_type

from service.http.schema_dump import present_values


def dump_0_ParserInfoSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('name', 'version'))
    out = {}
    value = obj.get('name', missing)
    if value is not missing:
        out['name'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('version', missing)
    if value is not missing:
        out['version'] = (value if value is None or type(value) is str else ensure_text_type(value))
    return out


def dump_1_InputSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('media_type', 'encoding', 'filename', 'pages'))
    out = {}
    value = obj.get('media_type', missing)
    if value is not missing:
        out['media_type'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('encoding', missing)
    if value is not missing:
        out['encoding'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('filename', missing)
    if value is not missing:
        out['filename'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('pages', missing)
    if value is not missing:
        out['pages'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_2_ContactsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('address', 'postcode', 'phone', 'fax', 'email'))
    out = {}
    value = obj.get('address', missing)
    if value is not missing:
        out['address'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('postcode', missing)
    if value is not missing:
        out['postcode'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('phone', missing)
    if value is not missing:
        out['phone'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('fax', missing)
    if value is not missing:
        out['fax'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('email', missing)
    if value is not missing:
        out['email'] = (value if value is None or type(value) is str else ensure_text_type(value))
    return out


def dump_3_ReportSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('title', 'organization', 'year', 'template', 'published_on', 'contacts'))
    out = {}
    value = obj.get('title', missing)
    if value is not missing:
        out['title'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('organization', missing)
    if value is not missing:
        out['organization'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('year', missing)
    if value is not missing:
        out['year'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('template', missing)
    if value is not missing:
        out['template'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('published_on', missing)
    if value is not missing:
        out['published_on'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('contacts', missing)
    if value is not missing:
        out['contacts'] = (None if value is None else dump_2_ContactsSchema(value))
    return out


def dump_4_SubheadingSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('number', 'title', 'line'))
    out = {}
    value = obj.get('number', missing)
    if value is not missing:
        out['number'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('title', missing)
    if value is not missing:
        out['title'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_5_SectionSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('number', 'title', 'kind', 'line', 'end_line', 'inferred', 'text', 'subheadings'))
    out = {}
    value = obj.get('number', missing)
    if value is not missing:
        out['number'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('title', missing)
    if value is not missing:
        out['title'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('kind', missing)
    if value is not missing:
        out['kind'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', missing)
    if value is not missing:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('inferred', missing)
    if value is not missing:
        out['inferred'] = value
    value = obj.get('text', missing)
    if value is not missing:
        out['text'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('subheadings', missing)
    if value is not missing:
        out['subheadings'] = (None if value is None else [(None if each_0 is None else dump_4_SubheadingSchema(each_0)) for each_0 in value])
    return out


def dump_6_ActiveDisclosureRegulationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('new_made', 'new_published', 'total_published', 'issued', 'repealed', 'in_force'))
    out = {}
    value = obj.get('new_made', missing)
    if value is not missing:
        out['new_made'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('new_published', missing)
    if value is not missing:
        out['new_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total_published', missing)
    if value is not missing:
        out['total_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('issued', missing)
    if value is not missing:
        out['issued'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('repealed', missing)
    if value is not missing:
        out['repealed'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('in_force', missing)
    if value is not missing:
        out['in_force'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_7_ActiveDisclosureNormativeDocumentsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('new_made', 'new_published', 'total_published', 'issued', 'repealed', 'in_force'))
    out = {}
    value = obj.get('new_made', missing)
    if value is not missing:
        out['new_made'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('new_published', missing)
    if value is not missing:
        out['new_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total_published', missing)
    if value is not missing:
        out['total_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('issued', missing)
    if value is not missing:
        out['issued'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('repealed', missing)
    if value is not missing:
        out['repealed'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('in_force', missing)
    if value is not missing:
        out['in_force'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_8_ActiveDisclosureLicensingRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', missing)
    if value is not missing:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', missing)
    if value is not missing:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', missing)
    if value is not missing:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_9_ActiveDisclosureOtherServicesRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', missing)
    if value is not missing:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', missing)
    if value is not missing:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', missing)
    if value is not missing:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_10_ActiveDisclosurePenaltyRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', missing)
    if value is not missing:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', missing)
    if value is not missing:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', missing)
    if value is not missing:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_11_ActiveDisclosureEnforcementRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', missing)
    if value is not missing:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', missing)
    if value is not missing:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', missing)
    if value is not missing:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_12_ActiveDisclosureFeesRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'amount'))
    out = {}
    value = obj.get('previous', missing)
    if value is not missing:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', missing)
    if value is not missing:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('amount', missing)
    if value is not missing:
        out['amount'] = (value if value is None or type(value) is float else float(value))
    return out


def dump_13_ActiveDisclosureProcurementRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('projects', 'amount'))
    out = {}
    value = obj.get('projects', missing)
    if value is not missing:
        out['projects'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('amount', missing)
    if value is not missing:
        out['amount'] = (value if value is None or type(value) is float else float(value))
    return out


def dump_14_ActiveDisclosureRowsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('regulations', 'normative_documents', 'licensing', 'other_services', 'penalty', 'enforcement', 'fees', 'procurement'))
    out = {}
    value = obj.get('regulations', missing)
    if value is not missing:
        out['regulations'] = (None if value is None else dump_6_ActiveDisclosureRegulationsRowSchema(value))
    value = obj.get('normative_documents', missing)
    if value is not missing:
        out['normative_documents'] = (None if value is None else dump_7_ActiveDisclosureNormativeDocumentsRowSchema(value))
    value = obj.get('licensing', missing)
    if value is not missing:
        out['licensing'] = (None if value is None else dump_8_ActiveDisclosureLicensingRowSchema(value))
    value = obj.get('other_services', missing)
    if value is not missing:
        out['other_services'] = (None if value is None else dump_9_ActiveDisclosureOtherServicesRowSchema(value))
    value = obj.get('penalty', missing)
    if value is not missing:
        out['penalty'] = (None if value is None else dump_10_ActiveDisclosurePenaltyRowSchema(value))
    value = obj.get('enforcement', missing)
    if value is not missing:
        out['enforcement'] = (None if value is None else dump_11_ActiveDisclosureEnforcementRowSchema(value))
    value = obj.get('fees', missing)
    if value is not missing:
        out['fees'] = (None if value is None else dump_12_ActiveDisclosureFeesRowSchema(value))
    value = obj.get('procurement', missing)
    if value is not missing:
        out['procurement'] = (None if value is None else dump_13_ActiveDisclosureProcurementRowSchema(value))
    return out


def dump_15_ActiveDisclosureTableSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('line', 'end_line', 'rows'))
    out = {}
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', missing)
    if value is not missing:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('rows', missing)
    if value is not missing:
        out['rows'] = (None if value is None else dump_14_ActiveDisclosureRowsSchema(value))
    return out


def dump_16_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_17_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_18_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_19_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_20_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_21_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_22_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_23_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_24_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_25_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_26_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_27_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_28_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_29_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_30_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_31_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_32_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_33_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_34_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_35_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_36_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_37_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_38_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_39_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_40_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_41_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', missing)
    if value is not missing:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', missing)
    if value is not missing:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', missing)
    if value is not missing:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', missing)
    if value is not missing:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', missing)
    if value is not missing:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', missing)
    if value is not missing:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_42_ApplicationsRowsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party_rights', 'denied_internal_affairs', 'denied_process_information', 'denied_enforcement_files', 'denied_inquiry_matters', 'unable_not_held', 'unable_needs_creation', 'unable_unclear', 'rejected_complaint', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirmation', 'other_handling', 'other_overdue_correction', 'other_unpaid_fee', 'other_other', 'total_handled', 'carried_forward'))
    out = {}
    value = obj.get('new_received', missing)
    if value is not missing:
        out['new_received'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('carried_over', missing)
    if value is not missing:
        out['carried_over'] = (None if value is None else dump_17_ApplicationsRowSchema(value))
    value = obj.get('granted', missing)
    if value is not missing:
        out['granted'] = (None if value is None else dump_18_ApplicationsRowSchema(value))
    value = obj.get('partially_granted', missing)
    if value is not missing:
        out['partially_granted'] = (None if value is None else dump_19_ApplicationsRowSchema(value))
    value = obj.get('denied_state_secret', missing)
    if value is not missing:
        out['denied_state_secret'] = (None if value is None else dump_20_ApplicationsRowSchema(value))
    value = obj.get('denied_prohibited_by_law', missing)
    if value is not missing:
        out['denied_prohibited_by_law'] = (None if value is None else dump_21_ApplicationsRowSchema(value))
    value = obj.get('denied_security_stability', missing)
    if value is not missing:
        out['denied_security_stability'] = (None if value is None else dump_22_ApplicationsRowSchema(value))
    value = obj.get('denied_third_party_rights', missing)
    if value is not missing:
        out['denied_third_party_rights'] = (None if value is None else dump_23_ApplicationsRowSchema(value))
    value = obj.get('denied_internal_affairs', missing)
    if value is not missing:
        out['denied_internal_affairs'] = (None if value is None else dump_24_ApplicationsRowSchema(value))
    value = obj.get('denied_process_information', missing)
    if value is not missing:
        out['denied_process_information'] = (None if value is None else dump_25_ApplicationsRowSchema(value))
    value = obj.get('denied_enforcement_files', missing)
    if value is not missing:
        out['denied_enforcement_files'] = (None if value is None else dump_26_ApplicationsRowSchema(value))
    value = obj.get('denied_inquiry_matters', missing)
    if value is not missing:
        out['denied_inquiry_matters'] = (None if value is None else dump_27_ApplicationsRowSchema(value))
    value = obj.get('unable_not_held', missing)
    if value is not missing:
        out['unable_not_held'] = (None if value is None else dump_28_ApplicationsRowSchema(value))
    value = obj.get('unable_needs_creation', missing)
    if value is not missing:
        out['unable_needs_creation'] = (None if value is None else dump_29_ApplicationsRowSchema(value))
    value = obj.get('unable_unclear', missing)
    if value is not missing:
        out['unable_unclear'] = (None if value is None else dump_30_ApplicationsRowSchema(value))
    value = obj.get('rejected_complaint', missing)
    if value is not missing:
        out['rejected_complaint'] = (None if value is None else dump_31_ApplicationsRowSchema(value))
    value = obj.get('rejected_duplicate', missing)
    if value is not missing:
        out['rejected_duplicate'] = (None if value is None else dump_32_ApplicationsRowSchema(value))
    value = obj.get('rejected_publication', missing)
    if value is not missing:
        out['rejected_publication'] = (None if value is None else dump_33_ApplicationsRowSchema(value))
    value = obj.get('rejected_excessive', missing)
    if value is not missing:
        out['rejected_excessive'] = (None if value is None else dump_34_ApplicationsRowSchema(value))
    value = obj.get('rejected_confirmation', missing)
    if value is not missing:
        out['rejected_confirmation'] = (None if value is None else dump_35_ApplicationsRowSchema(value))
    value = obj.get('other_handling', missing)
    if value is not missing:
        out['other_handling'] = (None if value is None else dump_36_ApplicationsRowSchema(value))
    value = obj.get('other_overdue_correction', missing)
    if value is not missing:
        out['other_overdue_correction'] = (None if value is None else dump_37_ApplicationsRowSchema(value))
    value = obj.get('other_unpaid_fee', missing)
    if value is not missing:
        out['other_unpaid_fee'] = (None if value is None else dump_38_ApplicationsRowSchema(value))
    value = obj.get('other_other', missing)
    if value is not missing:
        out['other_other'] = (None if value is None else dump_39_ApplicationsRowSchema(value))
    value = obj.get('total_handled', missing)
    if value is not missing:
        out['total_handled'] = (None if value is None else dump_40_ApplicationsRowSchema(value))
    value = obj.get('carried_forward', missing)
    if value is not missing:
        out['carried_forward'] = (None if value is None else dump_41_ApplicationsRowSchema(value))
    return out


def dump_43_ApplicationsTableSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('line', 'end_line', 'rows'))
    out = {}
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', missing)
    if value is not missing:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('rows', missing)
    if value is not missing:
        out['rows'] = (None if value is None else dump_42_ApplicationsRowsSchema(value))
    return out


def dump_44_ReviewsAndLawsuitsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('upheld', 'corrected', 'other', 'pending', 'total'))
    out = {}
    value = obj.get('upheld', missing)
    if value is not missing:
        out['upheld'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('corrected', missing)
    if value is not missing:
        out['corrected'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other', missing)
    if value is not missing:
        out['other'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('pending', missing)
    if value is not missing:
        out['pending'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_45_ReviewsAndLawsuitsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('upheld', 'corrected', 'other', 'pending', 'total'))
    out = {}
    value = obj.get('upheld', missing)
    if value is not missing:
        out['upheld'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('corrected', missing)
    if value is not missing:
        out['corrected'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other', missing)
    if value is not missing:
        out['other'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('pending', missing)
    if value is not missing:
        out['pending'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_46_ReviewsAndLawsuitsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('upheld', 'corrected', 'other', 'pending', 'total'))
    out = {}
    value = obj.get('upheld', missing)
    if value is not missing:
        out['upheld'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('corrected', missing)
    if value is not missing:
        out['corrected'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other', missing)
    if value is not missing:
        out['other'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('pending', missing)
    if value is not missing:
        out['pending'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', missing)
    if value is not missing:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_47_ReviewsAndLawsuitsRowsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('review', 'lawsuit_direct', 'lawsuit_after_review'))
    out = {}
    value = obj.get('review', missing)
    if value is not missing:
        out['review'] = (None if value is None else dump_44_ReviewsAndLawsuitsRowSchema(value))
    value = obj.get('lawsuit_direct', missing)
    if value is not missing:
        out['lawsuit_direct'] = (None if value is None else dump_45_ReviewsAndLawsuitsRowSchema(value))
    value = obj.get('lawsuit_after_review', missing)
    if value is not missing:
        out['lawsuit_after_review'] = (None if value is None else dump_46_ReviewsAndLawsuitsRowSchema(value))
    return out


def dump_48_ReviewsAndLawsuitsTableSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('line', 'end_line', 'rows'))
    out = {}
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', missing)
    if value is not missing:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('rows', missing)
    if value is not missing:
        out['rows'] = (None if value is None else dump_47_ReviewsAndLawsuitsRowsSchema(value))
    return out


def dump_49_TablesSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('active_disclosure', 'applications', 'reviews_and_lawsuits'))
    out = {}
    value = obj.get('active_disclosure', missing)
    if value is not missing:
        out['active_disclosure'] = (None if value is None else dump_15_ActiveDisclosureTableSchema(value))
    value = obj.get('applications', missing)
    if value is not missing:
        out['applications'] = (None if value is None else dump_43_ApplicationsTableSchema(value))
    value = obj.get('reviews_and_lawsuits', missing)
    if value is not missing:
        out['reviews_and_lawsuits'] = (None if value is None else dump_48_ReviewsAndLawsuitsTableSchema(value))
    return out


def dump_50_NarrativeFigureSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('quantity', 'figure', 'line'))
    out = {}
    value = obj.get('quantity', missing)
    if value is not missing:
        out['quantity'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('figure', missing)
    if value is not missing:
        out['figure'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_51_ProvenanceSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('method', 'printed', 'line', 'readings', 'identities', 'narrative'))
    out = {}
    value = obj.get('method', missing)
    if value is not missing:
        out['method'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('printed', missing)
    if value is not missing:
        out['printed'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('readings', missing)
    if value is not missing:
        out['readings'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('identities', missing)
    if value is not missing:
        out['identities'] = (None if value is None else [(each_0 if each_0 is None or type(each_0) is str else ensure_text_type(each_0)) for each_0 in value])
    value = obj.get('narrative', missing)
    if value is not missing:
        out['narrative'] = (None if value is None else [(None if each_0 is None else dump_50_NarrativeFigureSchema(each_0)) for each_0 in value])
    return out


def dump_52_WarningSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('code', 'message', 'table', 'row', 'column', 'section', 'line', 'page'))
    out = {}
    value = obj.get('code', missing)
    if value is not missing:
        out['code'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('message', missing)
    if value is not missing:
        out['message'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('table', missing)
    if value is not missing:
        out['table'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('row', missing)
    if value is not missing:
        out['row'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('column', missing)
    if value is not missing:
        out['column'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('section', missing)
    if value is not missing:
        out['section'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('page', missing)
    if value is not missing:
        out['page'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_53_CheckMessageSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('zh', 'en'))
    out = {}
    value = obj.get('zh', missing)
    if value is not missing:
        out['zh'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('en', missing)
    if value is not missing:
        out['en'] = (value if value is None or type(value) is str else ensure_text_type(value))
    return out


def dump_54_CheckExcerptSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('text', 'line', 'page'))
    out = {}
    value = obj.get('text', missing)
    if value is not missing:
        out['text'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('line', missing)
    if value is not missing:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('page', missing)
    if value is not missing:
        out['page'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_55_CheckSchema(obj):
    if type(obj) is not dict or 'values' not in obj:
        obj = present_values(obj, ('rule', 'status', 'severity', 'message', 'paths', 'values', 'expected', 'actual', 'lines', 'excerpts'))
    out = {}
    value = obj.get('rule', missing)
    if value is not missing:
        out['rule'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('status', missing)
    if value is not missing:
        out['status'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('severity', missing)
    if value is not missing:
        out['severity'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('message', missing)
    if value is not missing:
        out['message'] = (None if value is None else dump_53_CheckMessageSchema(value))
    value = obj.get('paths', missing)
    if value is not missing:
        out['paths'] = value
    value = obj.get('values', missing)
    if value is not missing:
        out['values'] = value
    value = obj.get('expected', missing)
    if value is not missing:
        out['expected'] = value
    value = obj.get('actual', missing)
    if value is not missing:
        out['actual'] = value
    value = obj.get('lines', missing)
    if value is not missing:
        out['lines'] = value
    value = obj.get('excerpts', missing)
    if value is not missing:
        out['excerpts'] = (None if value is None else [(None if each_0 is None else dump_54_CheckExcerptSchema(each_0)) for each_0 in value])
    return out


def dump_56_ParseResultSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('schema_version', 'parser', 'input', 'report', 'sections', 'tables', 'provenance', 'warnings', 'checks'))
    out = {}
    value = obj.get('schema_version', missing)
    if value is not missing:
        out['schema_version'] = (value if value is None or type(value) is str else ensure_text_type(value))
    value = obj.get('parser', missing)
    if value is not missing:
        out['parser'] = (None if value is None else dump_0_ParserInfoSchema(value))
    value = obj.get('input', missing)
    if value is not missing:
        out['input'] = (None if value is None else dump_1_InputSchema(value))
    value = obj.get('report', missing)
    if value is not missing:
        out['report'] = (None if value is None else dump_3_ReportSchema(value))
    value = obj.get('sections', missing)
    if value is not missing:
        out['sections'] = (None if value is None else [(None if each_0 is None else dump_5_SectionSchema(each_0)) for each_0 in value])
    value = obj.get('tables', missing)
    if value is not missing:
        out['tables'] = (None if value is None else dump_49_TablesSchema(value))
    value = obj.get('provenance', missing)
    if value is not missing:
        out['provenance'] = (None if value is None else {(key_0 if key_0 is None or type(key_0) is str else ensure_text_type(key_0)): (None if item_0 is None else dump_51_ProvenanceSchema(item_0)) for key_0, item_0 in value.items()})
    value = obj.get('warnings', missing)
    if value is not missing:
        out['warnings'] = (None if value is None else [(None if each_0 is None else dump_52_WarningSchema(each_0)) for each_0 in value])
    value = obj.get('checks', missing)
    if value is not missing:
        out['checks'] = (None if value is None else [(None if each_0 is None else dump_55_CheckSchema(each_0)) for each_0 in value])
    return out


dump = dump_56_ParseResultSchema
