"""Pydantic models of the JSON contract, derived from the record dataclasses of
:mod:`onrecord.models` so that each record is described once.

:func:`derive` builds a model whose fields are exactly the keys a dataclass's ``to_json()``
emits, in the order it emits them (read from ``to_json()`` of a placeholder instance), each typed
and defaulted from the dataclass field of the same name: a span (``tuple[int, int]``) becomes
``list[int]``, a ``tuple[X, ...]`` a ``list`` of X, a nested record dataclass its own derived
model, a ``Literal`` stays as it is. A key ``to_json()`` adds that is no field must be described
in ``extra``; a field it leaves out is left out of the model.
"""

from __future__ import annotations

import dataclasses
import operator
import types
from collections.abc import Mapping
from functools import reduce
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

_SCALARS = (str, int, float, bool, type(None))
_UNIONS = (Union, types.UnionType)

_derived: dict[type, type[BaseModel]] = {}
"""Each dataclass already derived, and its model: how a nested record finds its model."""


def derive(cls: type, name: str, *,
           extra: Mapping[str, tuple[Any, Any]] | None = None) -> type[BaseModel]:
    """The response model named ``name`` describing what ``cls.to_json()`` emits.

    ``extra`` maps each key ``to_json()`` emits that is no field of ``cls`` to its
    ``(annotation, default)`` (``...`` when required). A dataclass nested in ``cls`` must have
    been derived first. A key that would shadow a :class:`~pydantic.BaseModel` attribute
    (``schema``) becomes a field named ``key_`` with ``key`` as its alias, which the model
    reads and writes. Raises ``TypeError`` when a key or a field's type cannot be described.
    """
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    extra = dict(extra or {})
    definitions: dict[str, Any] = {}
    for key in json_keys(cls):
        if key in extra:
            annotation, value = extra.pop(key)
            default = {"default": value}
        elif key in fields:
            annotation, default = _annotation(hints[key]), _default(fields[key])
        else:
            raise TypeError(f"{cls.__name__}.to_json() emits {key!r}, no field of "
                            f"{cls.__name__}: describe it in extra")
        shadows = hasattr(BaseModel, key)
        definitions[key + "_" if shadows else key] = (
            annotation, Field(**default, alias=key if shadows else None))
    if extra:
        raise TypeError(f"{cls.__name__}.to_json() emits no {sorted(extra)}")
    # every key is required in the schema: to_json() emits each one, default or not
    config = ConfigDict(validate_by_name=True, serialize_by_alias=True,
                        json_schema_serialization_defaults_required=True)
    model: type[BaseModel] = create_model(name, __config__=config, __doc__=cls.__doc__,
                                          __module__=__name__, **definitions)
    _derived[cls] = model
    return model


def json_keys(cls: type) -> list[str]:
    """The keys ``to_json()`` emits, in order, for an instance of ``cls`` with every
    required field a placeholder and every other field its default."""
    return list(_placeholder(cls).to_json())


def _annotation(tp: Any) -> Any:
    """The JSON shape of a field's type, as a pydantic annotation."""
    origin, args = get_origin(tp), get_args(tp)
    if tp in _SCALARS or origin is Literal:
        return tp
    if origin in _UNIONS:
        return reduce(operator.or_, [_annotation(a) for a in args])
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return types.GenericAlias(list, (_annotation(args[0]),))
    if origin is tuple and args and all(a is int for a in args):  # a span
        return list[int]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if tp not in _derived:
            raise TypeError(f"derive {tp.__name__} before the records that hold it")
        return _derived[tp]
    raise TypeError(f"no JSON shape for {tp!r}")


def _default(f: dataclasses.Field[Any]) -> dict[str, Any]:
    """A field's default as JSON shapes it (tuples as lists), as :func:`~pydantic.Field`
    arguments: ``default`` (``...`` when it has none) or ``default_factory``."""
    if f.default is not dataclasses.MISSING:
        return {"default": _as_json(f.default)}
    factory = f.default_factory
    if factory is not dataclasses.MISSING:
        return {"default_factory": lambda: _as_json(factory())}
    return {"default": ...}


def _as_json(value: Any) -> Any:
    """``value`` with its tuples made lists, as ``to_json()`` emits them."""
    return [_as_json(v) for v in value] if isinstance(value, tuple) else value


def _placeholder(tp: Any) -> Any:
    """Some value of type ``tp``: an instance of a dataclass is built from its required
    fields' placeholders."""
    origin, args = get_origin(tp), get_args(tp)
    if tp in _SCALARS:
        return tp()
    if origin is Literal:
        return args[0]
    if origin in _UNIONS:
        return None if type(None) in args else _placeholder(args[0])
    if origin is tuple:
        return () if args[-1:] == (Ellipsis,) else tuple(_placeholder(a) for a in args)
    if origin is dict or tp is dict:
        return {}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        return tp(**{f.name: _placeholder(hints[f.name]) for f in dataclasses.fields(tp)
                     if f.init and f.default is dataclasses.MISSING
                     and f.default_factory is dataclasses.MISSING})
    raise TypeError(f"no placeholder for {tp!r}")


__all__ = ["derive", "json_keys"]
