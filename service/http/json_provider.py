"""A Flask JSON provider on orjson: UTF-8 kept as is (no \\u escapes), key order kept."""

import orjson
from flask.json.provider import JSONProvider

from service.http.result_json import json_default as _default


class OrjsonProvider(JSONProvider):
    mimetype = "application/json"

    def dumps(self, obj, **kwargs):
        option = orjson.OPT_NON_STR_KEYS
        if kwargs.get("indent"):
            option |= orjson.OPT_INDENT_2
        if kwargs.get("sort_keys"):
            option |= orjson.OPT_SORT_KEYS
        return orjson.dumps(obj, default=_default, option=option).decode()

    def loads(self, s, **kwargs):
        return orjson.loads(s)

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(orjson.dumps(obj, default=_default), mimetype=self.mimetype)
