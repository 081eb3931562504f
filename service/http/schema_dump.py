"""A marshmallow schema's dump, compiled into plain functions: the same output as
`schema.dump(obj)` for the field types the service's schemas use, at a fraction of the cost
(marshmallow calls several methods per field and per value; a /parse result has some 500).

    dump = compile_dump(ParseResultSchema(), passthrough=(JsonNumber,))
    dump(result) == ParseResultSchema().dump(result)
    dump_source(schema, passthrough) -> the text of a module defining `dump`

The schema stays the single source of truth: the functions are built from its fields (names,
data keys, attributes, nesting, number types), and a field type whose dump is not reproduced here
stops the compilation (TypeError) instead of being dumped differently. What each type does is
marshmallow 4's own `_serialize`:

- String: None stays None, bytes are decoded as UTF-8, anything else goes through str();
- Integer / Float (any Number that is not as_string): None stays None, else int(value) / float(value);
- Raw, Boolean and the `passthrough` types: the value as it is;
- Nested, List, Dict: their contents, recursively; a key absent from the object is left out.

Each schema becomes the source text of a function, a statement per field and an expression per
conversion (a number is converted only when it is not already of the field's type: int(x) is x
for an int). A corpus result's dump went from 78 to about 45 µs (median document), against a loop
over (attribute, key, convert) triples with a call per value. Only the schema's own names reach
that source, each through repr(); nothing of a document does.

Compiling that source costs about 16 ms (Python's compiler, some 350 fields), so the answer of
POST /parse is not compiled at import: its module, service/http/result_dump.py, is written by
`python scripts/write_result_dump.py` and committed, and a drift test
(tests/contract/test_schema_dump.py) fails when it is not what the schemas give now. The same
test proves the dump equal to schema.dump, byte for byte once serialised, over every corpus
document and over generated results.
"""

from marshmallow import Schema, fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP

HEADER = '''"""{title}: GENERATED from the marshmallow schemas by
`python scripts/write_result_dump.py` (service/http/schema_dump.py says how); do not edit. tests/contract/test_schema_dump.py fails when
this file is not what the schemas give now, and proves its dump equal to marshmallow's.
"""
# flake8: noqa

from service.http.dump_values import ABSENT, present_values, text
'''

# A field's value, read from a dict (the parser's results are dicts all the way down).
_READ_FIELD = """\
    value = obj.get({attribute!r}, ABSENT)
    if value is not ABSENT:
        out[{key!r}] = {expression}
"""


def dump_source(schema: Schema, passthrough=(), title="A schema's dump") -> str:
    """The text of a module whose function `dump(obj)` is schema.dump(obj) for one object."""
    compiler = _Compiler(tuple(passthrough))
    top = compiler.schema(schema)
    imports = "".join(f"from {module} import {name} as {alias}\n" for alias, (module, name) in compiler.imports.items())
    return (HEADER.format(title=title) + imports + "\n\n" + "\n\n".join(compiler.functions)
            + f"\n\ndump = {top}\n")


def compile_dump(schema: Schema, passthrough=()):
    """A function obj -> schema.dump(obj) for one object (not `many`), compiled now."""
    namespace = {}
    exec(compile(dump_source(schema, passthrough), "<compiled dump>", "exec"), namespace)
    return namespace["dump"]


class _Compiler:
    def __init__(self, passthrough):
        self.passthrough = passthrough
        self.compiled = {}            # id(schema) -> name of its dump function (schemas nested in several places)
        self.functions = []           # their source, nested schemas first
        self.by_body = {}             # (schema class, function body) -> name: one function for equal dumps
        self.imports = {}             # alias -> (module, name) of a type the source refers to

    def type_name(self, kind: type) -> str:
        """A name the source can use for a type (a number or mapping type)."""
        if kind.__module__ == "builtins":
            return kind.__name__
        for alias, imported in self.imports.items():
            if imported == (kind.__module__, kind.__qualname__):
                return alias
        alias = f"_type_{len(self.imports)}"
        self.imports[alias] = (kind.__module__, kind.__qualname__)
        return alias

    def schema(self, schema: Schema) -> str:
        if id(schema) in self.compiled:
            return self.compiled[id(schema)]
        if schema.many or schema.only or schema.exclude or schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]:
            raise TypeError(f"{type(schema).__name__}: many, only, exclude and dump hooks are not compiled")
        attributes, body = [], []
        for name, field in schema.dump_fields.items():
            attribute = field.attribute or name
            if "." in attribute or field.dump_default is not missing:
                raise TypeError(f"{type(schema).__name__}.{name}: dotted attributes and dump defaults are not compiled")
            key = field.data_key if field.data_key is not None else name
            attributes.append(attribute)
            body.append(_READ_FIELD.format(attribute=attribute, key=key, expression=self.field(field, "value")))
        # A dict is dumped as it is, unless a field named as a dict's own attribute ("values",
        # "items" ...) is absent from it: marshmallow reads that attribute then, as from any
        # object that is not a dict.
        slow = " or ".join(["type(obj) is not dict"]
                           + [f"{attribute!r} not in obj" for attribute in attributes if hasattr(dict, attribute)])
        source = (f"    if {slow}:\n"
                  f"        obj = present_values(obj, {tuple(attributes)!r})\n"
                  f"    out = {{}}\n" + "".join(body) + "    return out\n")
        # instances of one schema class nested in several places (a table's rows) dump alike
        # unless their fields differ: they share one function
        function = self.by_body.get((type(schema), source))
        if function is None:
            function = self.by_body[type(schema), source] = f"dump_{len(self.functions)}_{type(schema).__name__}"
            self.functions.append(f"def {function}(obj):\n" + source)
        self.compiled[id(schema)] = function
        return function

    def field(self, field, value, depth=0):
        """A Python expression: the dump of the field's value held in the variable `value`."""
        kind = type(field)
        if isinstance(field, self.passthrough) or kind._serialize is fields.Field._serialize:
            return value
        if kind._serialize is fields.String._serialize:
            return f"({value} if {value} is None or type({value}) is str else text({value}))"
        if (kind._serialize is fields.Number._serialize and kind._format_num is fields.Number._format_num
                and not field.as_string):
            # int(x) is x for an int, float(x) is x for a float: only other types are converted
            num_type = self.type_name(field.num_type)
            return f"({value} if {value} is None or type({value}) is {num_type} else {num_type}({value}))"
        if kind._serialize is fields.List._serialize:
            each = f"each_{depth}"
            return (f"(None if {value} is None else "
                    f"[{self.field(field.inner, each, depth + 1)} for {each} in {value}])")
        if kind._serialize is fields.Nested._serialize:
            nested = field.schema
            if field.many or nested.many:
                raise TypeError(f"{kind.__name__}: Nested(many=True) is not compiled; use List(Nested)")
            return f"(None if {value} is None else {self.schema(nested)}({value}))"
        if kind._serialize is fields.Mapping._serialize:
            return self.mapping(field, value, depth)
        raise TypeError(f"{kind.__name__}: no compiled dump for this field type")

    def mapping(self, field, value, depth):
        mapping_type = self.type_name(field.mapping_type)
        if field.key_field is None and field.value_field is None:
            return f"(None if {value} is None else {mapping_type}({value}))"
        key, item = f"key_{depth}", f"item_{depth}"
        dump_key = self.field(field.key_field, key, depth + 1) if field.key_field is not None else key
        dump_item = self.field(field.value_field, item, depth + 1) if field.value_field is not None else item
        pairs = f"{{{dump_key}: {dump_item} for {key}, {item} in {value}.items()}}"
        if field.mapping_type is dict:
            return f"(None if {value} is None else {pairs})"
        return f"(None if {value} is None else {mapping_type}({pairs}))"
