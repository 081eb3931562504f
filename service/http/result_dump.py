"""The dump of POST /parse's answer: GENERATED from the marshmallow schemas by
`python scripts/write_result_dump.py` (service/http/schema_dump.py says how); do not edit. tests/contract/test_schema_dump.py fails when
this file is not what the schemas give now, and proves its dump equal to marshmallow's.
"""
# flake8: noqa

from service.http.dump_values import ABSENT, present_values, text


def dump_0_ParserInfoSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('name', 'version'))
    out = {}
    value = obj.get('name', ABSENT)
    if value is not ABSENT:
        out['name'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('version', ABSENT)
    if value is not ABSENT:
        out['version'] = (value if value is None or type(value) is str else text(value))
    return out


def dump_1_InputSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('media_type', 'encoding', 'filename', 'pages'))
    out = {}
    value = obj.get('media_type', ABSENT)
    if value is not ABSENT:
        out['media_type'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('encoding', ABSENT)
    if value is not ABSENT:
        out['encoding'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('filename', ABSENT)
    if value is not ABSENT:
        out['filename'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('pages', ABSENT)
    if value is not ABSENT:
        out['pages'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_2_ContactsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('address', 'postcode', 'phone', 'fax', 'email'))
    out = {}
    value = obj.get('address', ABSENT)
    if value is not ABSENT:
        out['address'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('postcode', ABSENT)
    if value is not ABSENT:
        out['postcode'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('phone', ABSENT)
    if value is not ABSENT:
        out['phone'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('fax', ABSENT)
    if value is not ABSENT:
        out['fax'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('email', ABSENT)
    if value is not ABSENT:
        out['email'] = (value if value is None or type(value) is str else text(value))
    return out


def dump_3_ReportSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('title', 'organization', 'year', 'template', 'published_on', 'contacts'))
    out = {}
    value = obj.get('title', ABSENT)
    if value is not ABSENT:
        out['title'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('organization', ABSENT)
    if value is not ABSENT:
        out['organization'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('year', ABSENT)
    if value is not ABSENT:
        out['year'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('template', ABSENT)
    if value is not ABSENT:
        out['template'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('published_on', ABSENT)
    if value is not ABSENT:
        out['published_on'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('contacts', ABSENT)
    if value is not ABSENT:
        out['contacts'] = (None if value is None else dump_2_ContactsSchema(value))
    return out


def dump_4_SubheadingSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('number', 'title', 'line'))
    out = {}
    value = obj.get('number', ABSENT)
    if value is not ABSENT:
        out['number'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('title', ABSENT)
    if value is not ABSENT:
        out['title'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_5_SectionSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('number', 'title', 'kind', 'line', 'end_line', 'inferred', 'text', 'subheadings'))
    out = {}
    value = obj.get('number', ABSENT)
    if value is not ABSENT:
        out['number'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('title', ABSENT)
    if value is not ABSENT:
        out['title'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('kind', ABSENT)
    if value is not ABSENT:
        out['kind'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', ABSENT)
    if value is not ABSENT:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('inferred', ABSENT)
    if value is not ABSENT:
        out['inferred'] = value
    value = obj.get('text', ABSENT)
    if value is not ABSENT:
        out['text'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('subheadings', ABSENT)
    if value is not ABSENT:
        out['subheadings'] = (None if value is None else [(None if each_0 is None else dump_4_SubheadingSchema(each_0)) for each_0 in value])
    return out


def dump_6_ActiveDisclosureRegulationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('new_made', 'new_published', 'total_published', 'issued', 'repealed', 'in_force'))
    out = {}
    value = obj.get('new_made', ABSENT)
    if value is not ABSENT:
        out['new_made'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('new_published', ABSENT)
    if value is not ABSENT:
        out['new_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total_published', ABSENT)
    if value is not ABSENT:
        out['total_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('issued', ABSENT)
    if value is not ABSENT:
        out['issued'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('repealed', ABSENT)
    if value is not ABSENT:
        out['repealed'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('in_force', ABSENT)
    if value is not ABSENT:
        out['in_force'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_7_ActiveDisclosureNormativeDocumentsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('new_made', 'new_published', 'total_published', 'issued', 'repealed', 'in_force'))
    out = {}
    value = obj.get('new_made', ABSENT)
    if value is not ABSENT:
        out['new_made'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('new_published', ABSENT)
    if value is not ABSENT:
        out['new_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total_published', ABSENT)
    if value is not ABSENT:
        out['total_published'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('issued', ABSENT)
    if value is not ABSENT:
        out['issued'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('repealed', ABSENT)
    if value is not ABSENT:
        out['repealed'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('in_force', ABSENT)
    if value is not ABSENT:
        out['in_force'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_8_ActiveDisclosureLicensingRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', ABSENT)
    if value is not ABSENT:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', ABSENT)
    if value is not ABSENT:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', ABSENT)
    if value is not ABSENT:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_9_ActiveDisclosureOtherServicesRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', ABSENT)
    if value is not ABSENT:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', ABSENT)
    if value is not ABSENT:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', ABSENT)
    if value is not ABSENT:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_10_ActiveDisclosurePenaltyRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', ABSENT)
    if value is not ABSENT:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', ABSENT)
    if value is not ABSENT:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', ABSENT)
    if value is not ABSENT:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_11_ActiveDisclosureEnforcementRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'decisions'))
    out = {}
    value = obj.get('previous', ABSENT)
    if value is not ABSENT:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', ABSENT)
    if value is not ABSENT:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('decisions', ABSENT)
    if value is not ABSENT:
        out['decisions'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_12_ActiveDisclosureFeesRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('previous', 'change', 'amount'))
    out = {}
    value = obj.get('previous', ABSENT)
    if value is not ABSENT:
        out['previous'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('change', ABSENT)
    if value is not ABSENT:
        out['change'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('amount', ABSENT)
    if value is not ABSENT:
        out['amount'] = (value if value is None or type(value) is float else float(value))
    return out


def dump_13_ActiveDisclosureProcurementRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('projects', 'amount'))
    out = {}
    value = obj.get('projects', ABSENT)
    if value is not ABSENT:
        out['projects'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('amount', ABSENT)
    if value is not ABSENT:
        out['amount'] = (value if value is None or type(value) is float else float(value))
    return out


def dump_14_ActiveDisclosureRowsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('regulations', 'normative_documents', 'licensing', 'other_services', 'penalty', 'enforcement', 'fees', 'procurement'))
    out = {}
    value = obj.get('regulations', ABSENT)
    if value is not ABSENT:
        out['regulations'] = (None if value is None else dump_6_ActiveDisclosureRegulationsRowSchema(value))
    value = obj.get('normative_documents', ABSENT)
    if value is not ABSENT:
        out['normative_documents'] = (None if value is None else dump_7_ActiveDisclosureNormativeDocumentsRowSchema(value))
    value = obj.get('licensing', ABSENT)
    if value is not ABSENT:
        out['licensing'] = (None if value is None else dump_8_ActiveDisclosureLicensingRowSchema(value))
    value = obj.get('other_services', ABSENT)
    if value is not ABSENT:
        out['other_services'] = (None if value is None else dump_9_ActiveDisclosureOtherServicesRowSchema(value))
    value = obj.get('penalty', ABSENT)
    if value is not ABSENT:
        out['penalty'] = (None if value is None else dump_10_ActiveDisclosurePenaltyRowSchema(value))
    value = obj.get('enforcement', ABSENT)
    if value is not ABSENT:
        out['enforcement'] = (None if value is None else dump_11_ActiveDisclosureEnforcementRowSchema(value))
    value = obj.get('fees', ABSENT)
    if value is not ABSENT:
        out['fees'] = (None if value is None else dump_12_ActiveDisclosureFeesRowSchema(value))
    value = obj.get('procurement', ABSENT)
    if value is not ABSENT:
        out['procurement'] = (None if value is None else dump_13_ActiveDisclosureProcurementRowSchema(value))
    return out


def dump_15_ActiveDisclosureTableSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('line', 'end_line', 'rows'))
    out = {}
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', ABSENT)
    if value is not ABSENT:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('rows', ABSENT)
    if value is not ABSENT:
        out['rows'] = (None if value is None else dump_14_ActiveDisclosureRowsSchema(value))
    return out


def dump_16_ApplicationsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'))
    out = {}
    value = obj.get('natural_person', ABSENT)
    if value is not ABSENT:
        out['natural_person'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('commercial_enterprise', ABSENT)
    if value is not ABSENT:
        out['commercial_enterprise'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('research_institution', ABSENT)
    if value is not ABSENT:
        out['research_institution'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('social_welfare_org', ABSENT)
    if value is not ABSENT:
        out['social_welfare_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('legal_service_org', ABSENT)
    if value is not ABSENT:
        out['legal_service_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other_org', ABSENT)
    if value is not ABSENT:
        out['other_org'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', ABSENT)
    if value is not ABSENT:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_17_ApplicationsRowsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party_rights', 'denied_internal_affairs', 'denied_process_information', 'denied_enforcement_files', 'denied_inquiry_matters', 'unable_not_held', 'unable_needs_creation', 'unable_unclear', 'rejected_complaint', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirmation', 'other_handling', 'other_overdue_correction', 'other_unpaid_fee', 'other_other', 'total_handled', 'carried_forward'))
    out = {}
    value = obj.get('new_received', ABSENT)
    if value is not ABSENT:
        out['new_received'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('carried_over', ABSENT)
    if value is not ABSENT:
        out['carried_over'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('granted', ABSENT)
    if value is not ABSENT:
        out['granted'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('partially_granted', ABSENT)
    if value is not ABSENT:
        out['partially_granted'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_state_secret', ABSENT)
    if value is not ABSENT:
        out['denied_state_secret'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_prohibited_by_law', ABSENT)
    if value is not ABSENT:
        out['denied_prohibited_by_law'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_security_stability', ABSENT)
    if value is not ABSENT:
        out['denied_security_stability'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_third_party_rights', ABSENT)
    if value is not ABSENT:
        out['denied_third_party_rights'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_internal_affairs', ABSENT)
    if value is not ABSENT:
        out['denied_internal_affairs'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_process_information', ABSENT)
    if value is not ABSENT:
        out['denied_process_information'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_enforcement_files', ABSENT)
    if value is not ABSENT:
        out['denied_enforcement_files'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('denied_inquiry_matters', ABSENT)
    if value is not ABSENT:
        out['denied_inquiry_matters'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('unable_not_held', ABSENT)
    if value is not ABSENT:
        out['unable_not_held'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('unable_needs_creation', ABSENT)
    if value is not ABSENT:
        out['unable_needs_creation'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('unable_unclear', ABSENT)
    if value is not ABSENT:
        out['unable_unclear'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('rejected_complaint', ABSENT)
    if value is not ABSENT:
        out['rejected_complaint'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('rejected_duplicate', ABSENT)
    if value is not ABSENT:
        out['rejected_duplicate'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('rejected_publication', ABSENT)
    if value is not ABSENT:
        out['rejected_publication'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('rejected_excessive', ABSENT)
    if value is not ABSENT:
        out['rejected_excessive'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('rejected_confirmation', ABSENT)
    if value is not ABSENT:
        out['rejected_confirmation'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('other_handling', ABSENT)
    if value is not ABSENT:
        out['other_handling'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('other_overdue_correction', ABSENT)
    if value is not ABSENT:
        out['other_overdue_correction'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('other_unpaid_fee', ABSENT)
    if value is not ABSENT:
        out['other_unpaid_fee'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('other_other', ABSENT)
    if value is not ABSENT:
        out['other_other'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('total_handled', ABSENT)
    if value is not ABSENT:
        out['total_handled'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    value = obj.get('carried_forward', ABSENT)
    if value is not ABSENT:
        out['carried_forward'] = (None if value is None else dump_16_ApplicationsRowSchema(value))
    return out


def dump_18_ApplicationsTableSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('line', 'end_line', 'rows'))
    out = {}
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', ABSENT)
    if value is not ABSENT:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('rows', ABSENT)
    if value is not ABSENT:
        out['rows'] = (None if value is None else dump_17_ApplicationsRowsSchema(value))
    return out


def dump_19_ReviewsAndLawsuitsRowSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('upheld', 'corrected', 'other', 'pending', 'total'))
    out = {}
    value = obj.get('upheld', ABSENT)
    if value is not ABSENT:
        out['upheld'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('corrected', ABSENT)
    if value is not ABSENT:
        out['corrected'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('other', ABSENT)
    if value is not ABSENT:
        out['other'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('pending', ABSENT)
    if value is not ABSENT:
        out['pending'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('total', ABSENT)
    if value is not ABSENT:
        out['total'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_20_ReviewsAndLawsuitsRowsSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('review', 'lawsuit_direct', 'lawsuit_after_review'))
    out = {}
    value = obj.get('review', ABSENT)
    if value is not ABSENT:
        out['review'] = (None if value is None else dump_19_ReviewsAndLawsuitsRowSchema(value))
    value = obj.get('lawsuit_direct', ABSENT)
    if value is not ABSENT:
        out['lawsuit_direct'] = (None if value is None else dump_19_ReviewsAndLawsuitsRowSchema(value))
    value = obj.get('lawsuit_after_review', ABSENT)
    if value is not ABSENT:
        out['lawsuit_after_review'] = (None if value is None else dump_19_ReviewsAndLawsuitsRowSchema(value))
    return out


def dump_21_ReviewsAndLawsuitsTableSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('line', 'end_line', 'rows'))
    out = {}
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('end_line', ABSENT)
    if value is not ABSENT:
        out['end_line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('rows', ABSENT)
    if value is not ABSENT:
        out['rows'] = (None if value is None else dump_20_ReviewsAndLawsuitsRowsSchema(value))
    return out


def dump_22_TablesSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('active_disclosure', 'applications', 'reviews_and_lawsuits'))
    out = {}
    value = obj.get('active_disclosure', ABSENT)
    if value is not ABSENT:
        out['active_disclosure'] = (None if value is None else dump_15_ActiveDisclosureTableSchema(value))
    value = obj.get('applications', ABSENT)
    if value is not ABSENT:
        out['applications'] = (None if value is None else dump_18_ApplicationsTableSchema(value))
    value = obj.get('reviews_and_lawsuits', ABSENT)
    if value is not ABSENT:
        out['reviews_and_lawsuits'] = (None if value is None else dump_21_ReviewsAndLawsuitsTableSchema(value))
    return out


def dump_23_NarrativeFigureSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('quantity', 'figure', 'line'))
    out = {}
    value = obj.get('quantity', ABSENT)
    if value is not ABSENT:
        out['quantity'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('figure', ABSENT)
    if value is not ABSENT:
        out['figure'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_24_ProvenanceSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('method', 'printed', 'line', 'readings', 'identities', 'narrative'))
    out = {}
    value = obj.get('method', ABSENT)
    if value is not ABSENT:
        out['method'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('printed', ABSENT)
    if value is not ABSENT:
        out['printed'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('readings', ABSENT)
    if value is not ABSENT:
        out['readings'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('identities', ABSENT)
    if value is not ABSENT:
        out['identities'] = (None if value is None else [(each_0 if each_0 is None or type(each_0) is str else text(each_0)) for each_0 in value])
    value = obj.get('narrative', ABSENT)
    if value is not ABSENT:
        out['narrative'] = (None if value is None else [(None if each_0 is None else dump_23_NarrativeFigureSchema(each_0)) for each_0 in value])
    return out


def dump_25_WarningSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('code', 'message', 'table', 'row', 'column', 'section', 'line', 'page'))
    out = {}
    value = obj.get('code', ABSENT)
    if value is not ABSENT:
        out['code'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('message', ABSENT)
    if value is not ABSENT:
        out['message'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('table', ABSENT)
    if value is not ABSENT:
        out['table'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('row', ABSENT)
    if value is not ABSENT:
        out['row'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('column', ABSENT)
    if value is not ABSENT:
        out['column'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('section', ABSENT)
    if value is not ABSENT:
        out['section'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('page', ABSENT)
    if value is not ABSENT:
        out['page'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_26_CheckMessageSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('zh', 'en'))
    out = {}
    value = obj.get('zh', ABSENT)
    if value is not ABSENT:
        out['zh'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('en', ABSENT)
    if value is not ABSENT:
        out['en'] = (value if value is None or type(value) is str else text(value))
    return out


def dump_27_CheckExcerptSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('text', 'line', 'page'))
    out = {}
    value = obj.get('text', ABSENT)
    if value is not ABSENT:
        out['text'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('line', ABSENT)
    if value is not ABSENT:
        out['line'] = (value if value is None or type(value) is int else int(value))
    value = obj.get('page', ABSENT)
    if value is not ABSENT:
        out['page'] = (value if value is None or type(value) is int else int(value))
    return out


def dump_28_CheckSchema(obj):
    if type(obj) is not dict or 'values' not in obj:
        obj = present_values(obj, ('rule', 'status', 'severity', 'message', 'paths', 'values', 'expected', 'actual', 'lines', 'excerpts'))
    out = {}
    value = obj.get('rule', ABSENT)
    if value is not ABSENT:
        out['rule'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('status', ABSENT)
    if value is not ABSENT:
        out['status'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('severity', ABSENT)
    if value is not ABSENT:
        out['severity'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('message', ABSENT)
    if value is not ABSENT:
        out['message'] = (None if value is None else dump_26_CheckMessageSchema(value))
    value = obj.get('paths', ABSENT)
    if value is not ABSENT:
        out['paths'] = value
    value = obj.get('values', ABSENT)
    if value is not ABSENT:
        out['values'] = value
    value = obj.get('expected', ABSENT)
    if value is not ABSENT:
        out['expected'] = value
    value = obj.get('actual', ABSENT)
    if value is not ABSENT:
        out['actual'] = value
    value = obj.get('lines', ABSENT)
    if value is not ABSENT:
        out['lines'] = value
    value = obj.get('excerpts', ABSENT)
    if value is not ABSENT:
        out['excerpts'] = (None if value is None else [(None if each_0 is None else dump_27_CheckExcerptSchema(each_0)) for each_0 in value])
    return out


def dump_29_ParseResultSchema(obj):
    if type(obj) is not dict:
        obj = present_values(obj, ('schema_version', 'parser', 'input', 'report', 'sections', 'tables', 'provenance', 'warnings', 'checks'))
    out = {}
    value = obj.get('schema_version', ABSENT)
    if value is not ABSENT:
        out['schema_version'] = (value if value is None or type(value) is str else text(value))
    value = obj.get('parser', ABSENT)
    if value is not ABSENT:
        out['parser'] = (None if value is None else dump_0_ParserInfoSchema(value))
    value = obj.get('input', ABSENT)
    if value is not ABSENT:
        out['input'] = (None if value is None else dump_1_InputSchema(value))
    value = obj.get('report', ABSENT)
    if value is not ABSENT:
        out['report'] = (None if value is None else dump_3_ReportSchema(value))
    value = obj.get('sections', ABSENT)
    if value is not ABSENT:
        out['sections'] = (None if value is None else [(None if each_0 is None else dump_5_SectionSchema(each_0)) for each_0 in value])
    value = obj.get('tables', ABSENT)
    if value is not ABSENT:
        out['tables'] = (None if value is None else dump_22_TablesSchema(value))
    value = obj.get('provenance', ABSENT)
    if value is not ABSENT:
        out['provenance'] = (None if value is None else {(key_0 if key_0 is None or type(key_0) is str else text(key_0)): (None if item_0 is None else dump_24_ProvenanceSchema(item_0)) for key_0, item_0 in value.items()})
    value = obj.get('warnings', ABSENT)
    if value is not ABSENT:
        out['warnings'] = (None if value is None else [(None if each_0 is None else dump_25_WarningSchema(each_0)) for each_0 in value])
    value = obj.get('checks', ABSENT)
    if value is not ABSENT:
        out['checks'] = (None if value is None else [(None if each_0 is None else dump_28_CheckSchema(each_0)) for each_0 in value])
    return out


dump = dump_29_ParseResultSchema
