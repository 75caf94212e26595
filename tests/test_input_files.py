"""The nesting bound of runstrong.input_files, on text: what counts as nesting and what does not
(brackets in strings and comments), checked before the parser could recurse."""

from __future__ import annotations

import json
import tomllib

import pytest

from runstrong.domain.errors import InputError
from runstrong.input_files import MAX_NESTING, check_depth, check_nesting, parse_json, parse_toml


def nested_array(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [MAX_NESTING - 1, MAX_NESTING])
def test_arrays_up_to_the_bound_are_read(depth: int) -> None:
    """The value nests `depth` arrays inside the document's own table: depth + 1 in all."""
    text = f"x = {nested_array(depth - 1)}"
    assert parse_toml(text.encode(), "t.toml")["x"] == json.loads(nested_array(depth - 1))
    assert parse_json(f'{{"x": {nested_array(depth - 1)}}}'.encode(), "t.json")


@pytest.mark.parametrize("json_syntax", [True, False])
def test_one_level_more_is_refused_before_parsing(json_syntax: bool) -> None:
    text = (
        f'{{"x": {nested_array(MAX_NESTING)}}}'
        if json_syntax
        else f"x = [{nested_array(MAX_NESTING)}]"
    )
    with pytest.raises(InputError, match="more than 64 deep"):
        check_nesting(text.encode(), "f", json=json_syntax)


@pytest.mark.parametrize(
    "text",
    [
        f'name = "{"[" * 200}"',
        f"name = '{'{' * 200}'",
        f"# {'[' * 200}\nname = 1",
        f'name = """\n{"[" * 200}\n"""',
        f"name = '''\n{'[' * 200}\n'''",
        f'name = """a \\""" {"[" * 200} """',
        f'name = """quote at the end""""\nother = "{"[" * 200}"',
    ],
)
def test_brackets_in_toml_strings_and_comments_do_not_nest(text: str) -> None:
    check_nesting(text.encode(), "t.toml", json=False)
    assert tomllib.loads(text)  # and the text is TOML, as the test means it to be


def test_brackets_in_json_strings_do_not_nest() -> None:
    text = json.dumps({"name": "[" * 200 + '\\"' + "{" * 200, "x": [[1]]})
    check_nesting(text.encode(), "t.json", json=True)


def test_a_string_that_hides_real_nesting_is_not_a_way_round_the_bound() -> None:
    """A multi-line string closed by four quotes is over at the fourth: what follows counts."""
    text = f'a = """x""""\nb = {nested_array(300)}\nc = "y"'
    with pytest.raises(InputError, match="more than 64 deep"):
        parse_toml(text.encode(), "t.toml")


def test_dotted_keys_nest_without_brackets_and_count() -> None:
    text = "a" + ".b" * (MAX_NESTING + 5) + " = 1"
    with pytest.raises(InputError, match="more than 64 deep"):
        parse_toml(text.encode(), "t.toml")


def test_depth_of_parsed_data_counts_lists_and_tables() -> None:
    deep: object = 1
    for _ in range(MAX_NESTING):
        deep = {"k": [deep]}
    with pytest.raises(InputError, match="more than 64 deep"):
        check_depth(deep, "data")
    check_depth({"k": [[{"j": 1}]]}, "data")
