"""A marshmallow schema's dump, compiled once into plain functions: the same output as
`schema.dump(obj)` for the field types the service's schemas use, at a fraction of the cost
(marshmallow calls several methods per field and per value; a /parse result has some 500).

    dump = compile_dump(ParseResultSchema(), passthrough=(JsonNumber,))
    dump(result) == ParseResultSchema().dump(result)

The schema stays the single source of truth: the functions are built from its fields (names,
data keys, attributes, nesting, number types), and a field type whose dump is not reproduced here
stops the compilation (TypeError at import) instead of being dumped differently. What each type
does is marshmallow 4's own `_serialize`:

- String: None stays None, bytes are decoded as UTF-8, anything else goes through str();
- Integer / Float (any Number that is not as_string): None stays None, else int(value) / float(value);
- Raw, Boolean and the `passthrough` types: the value as it is;
- Nested, List, Dict: their contents, recursively; a key absent from the object is left out.

tests/contract/test_schema_dump.py proves it equal to schema.dump, byte for byte once serialised,
over every corpus document and over generated results.
"""

from marshmallow import Schema, fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP
from marshmallow.utils import ensure_text_type


def compile_dump(schema: Schema, passthrough=()):
    """A function obj -> schema.dump(obj) for one object (not `many`)."""
    return _Compiler(tuple(passthrough)).schema(schema)


def _identity(value):
    return value


def _string(value):
    if value is None or type(value) is str:
        return value
    return ensure_text_type(value)


def _number(num_type):
    def convert(value):
        return None if value is None else num_type(value)
    return convert


class _Compiler:
    def __init__(self, passthrough):
        self.passthrough = passthrough
        self.compiled = {}            # id(schema) -> dump function (schemas nested in several places)

    def schema(self, schema: Schema):
        if id(schema) in self.compiled:
            return self.compiled[id(schema)]
        if schema.many or schema.only or schema.exclude or schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]:
            raise TypeError(f"{type(schema).__name__}: many, only, exclude and dump hooks are not compiled")
        plan = []
        for name, field in schema.dump_fields.items():
            attribute = field.attribute or name
            if "." in attribute or field.dump_default is not missing:
                raise TypeError(f"{type(schema).__name__}.{name}: dotted attributes and dump defaults are not compiled")
            key = field.data_key if field.data_key is not None else name
            plan.append((attribute, key, self.field(field)))
        plan = tuple(plan)

        def dump(obj):
            out = {}
            for attribute, key, convert in plan:
                try:
                    value = obj[attribute]
                except (KeyError, IndexError, TypeError, AttributeError):
                    value = getattr(obj, attribute, missing)     # what marshmallow's get_value does
                    if value is missing:
                        continue
                out[key] = convert(value)
            return out

        self.compiled[id(schema)] = dump
        return dump

    def field(self, field):
        kind = type(field)
        if isinstance(field, self.passthrough) or kind._serialize is fields.Field._serialize:
            return _identity
        if kind._serialize is fields.String._serialize:
            return _string
        if (kind._serialize is fields.Number._serialize and kind._format_num is fields.Number._format_num
                and not field.as_string):
            return _number(field.num_type)
        if kind._serialize is fields.List._serialize:
            inner = self.field(field.inner)

            def dump_list(value):
                return None if value is None else [inner(each) for each in value]
            return dump_list
        if kind._serialize is fields.Nested._serialize:
            nested = field.schema
            if field.many or nested.many:
                raise TypeError(f"{kind.__name__}: Nested(many=True) is not compiled; use List(Nested)")
            dump_nested = self.schema(nested)

            def dump_object(value):
                return None if value is None else dump_nested(value)
            return dump_object
        if kind._serialize is fields.Mapping._serialize:
            return self.mapping(field)
        raise TypeError(f"{kind.__name__}: no compiled dump for this field type")

    def mapping(self, field):
        mapping_type = field.mapping_type
        if field.key_field is None and field.value_field is None:
            return lambda value: None if value is None else mapping_type(value)
        key = self.field(field.key_field) if field.key_field is not None else _identity
        item = self.field(field.value_field) if field.value_field is not None else _identity

        def dump_mapping(value):
            if value is None:
                return None
            result = mapping_type()
            for k, v in value.items():
                result[key(k)] = item(v)
            return result
        return dump_mapping
