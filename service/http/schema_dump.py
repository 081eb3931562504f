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

Each schema becomes the source text of one function, a statement per field and an expression per
conversion (a number is converted only when it is not already of the field's type: int(x) is x
for an int), compiled with `exec` once at import. A corpus result's dump went from 78 to 42 µs
(median document), against a loop over (attribute, key, convert) triples with a call per value.
Only the schema's own names reach that source, each through repr(); nothing of a document does.

tests/contract/test_schema_dump.py proves it equal to schema.dump, byte for byte once serialised,
over every corpus document and over generated results.
"""

from marshmallow import Schema, fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP
from marshmallow.utils import ensure_text_type

# How a field's value is read, what marshmallow's get_value does: a key of a mapping (or an
# index), else an attribute; a field whose value is missing is left out of the output.
_READ_FIELD = """\
    try:
        value = obj[{attribute!r}]
    except (KeyError, IndexError, TypeError, AttributeError):
        value = getattr(obj, {attribute!r}, missing)
        if value is not missing:
            out[{key!r}] = {expression}
    else:
        out[{key!r}] = {expression}
"""


def compile_dump(schema: Schema, passthrough=()):
    """A function obj -> schema.dump(obj) for one object (not `many`)."""
    return _Compiler(tuple(passthrough)).schema(schema)


def _string(value):
    if value is None or type(value) is str:
        return value
    return ensure_text_type(value)


class _Compiler:
    def __init__(self, passthrough):
        self.passthrough = passthrough
        self.compiled = {}            # id(schema) -> dump function (schemas nested in several places)
        self.names = {"missing": missing, "ensure_text_type": ensure_text_type}   # what the source refers to

    def name(self, value):
        """A name the compiled source can use for `value` (a function or a type)."""
        name = f"_{len(self.names)}"
        self.names[name] = value
        return name

    def schema(self, schema: Schema):
        if id(schema) in self.compiled:
            return self.compiled[id(schema)]
        if schema.many or schema.only or schema.exclude or schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]:
            raise TypeError(f"{type(schema).__name__}: many, only, exclude and dump hooks are not compiled")
        source = ["def dump(obj):", "    out = {}"]
        for name, field in schema.dump_fields.items():
            attribute = field.attribute or name
            if "." in attribute or field.dump_default is not missing:
                raise TypeError(f"{type(schema).__name__}.{name}: dotted attributes and dump defaults are not compiled")
            key = field.data_key if field.data_key is not None else name
            source.append(_READ_FIELD.format(attribute=attribute, key=key, expression=self.field(field, "value")))
        source.append("    return out")
        namespace = dict(self.names)
        exec("\n".join(source), namespace)         # the schema's names only, each through repr()
        dump = namespace["dump"]
        self.compiled[id(schema)] = dump
        return dump

    def field(self, field, value, depth=0):
        """A Python expression: the dump of the field's value held in the variable `value`."""
        kind = type(field)
        if isinstance(field, self.passthrough) or kind._serialize is fields.Field._serialize:
            return value
        if kind._serialize is fields.String._serialize:
            return f"({value} if {value} is None or type({value}) is str else ensure_text_type({value}))"
        if (kind._serialize is fields.Number._serialize and kind._format_num is fields.Number._format_num
                and not field.as_string):
            # int(x) is x for an int, float(x) is x for a float: only other types are converted
            num_type = self.name(field.num_type)
            return f"({value} if {value} is None or type({value}) is {num_type} else {num_type}({value}))"
        if kind._serialize is fields.List._serialize:
            each = f"each_{depth}"
            return (f"(None if {value} is None else "
                    f"[{self.field(field.inner, each, depth + 1)} for {each} in {value}])")
        if kind._serialize is fields.Nested._serialize:
            nested = field.schema
            if field.many or nested.many:
                raise TypeError(f"{kind.__name__}: Nested(many=True) is not compiled; use List(Nested)")
            dump_nested = self.name(self.schema(nested))
            return f"(None if {value} is None else {dump_nested}({value}))"
        if kind._serialize is fields.Mapping._serialize:
            return self.mapping(field, value, depth)
        raise TypeError(f"{kind.__name__}: no compiled dump for this field type")

    def mapping(self, field, value, depth):
        mapping_type = self.name(field.mapping_type)
        if field.key_field is None and field.value_field is None:
            return f"(None if {value} is None else {mapping_type}({value}))"
        key, item = f"key_{depth}", f"item_{depth}"
        dump_key = self.field(field.key_field, key, depth + 1) if field.key_field is not None else key
        dump_item = self.field(field.value_field, item, depth + 1) if field.value_field is not None else item
        pairs = f"{{{dump_key}: {dump_item} for {key}, {item} in {value}.items()}}"
        if field.mapping_type is dict:
            return f"(None if {value} is None else {pairs})"
        return f"(None if {value} is None else {mapping_type}({pairs}))"
