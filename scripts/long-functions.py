#!/usr/bin/env python3
"""Lists the functions, initializers, accessors and closures in Sources/ longer than a limit.

    scripts/long-functions.py [--limit N] [--all] [PATH ...]     (default: 80 lines, Sources/)

A body longer than the limit must say why: a comment containing "Longer than 80 lines:"
(the project's convention, any case) directly above its declaration (in the comment block
that ends on the line before it) or on its first line. Exit status 1 when a long body says nothing; `--all` also lists the explained.

A body's length counts every line from the declaration (or the closure's opening brace) to
its closing brace. The scanner knows Swift's comments (nested block comments), string
literals (multi-line, raw, interpolated) and the keywords whose braces open a statement or a
type rather than a function, so a brace inside a string or comment never counts.
"""
import os
import re
import sys

FUNCTION_KEYWORDS = {"func", "init", "deinit", "subscript", "get", "set", "willSet", "didSet", "var"}
STATEMENT_KEYWORDS = {"if", "guard", "while", "for", "switch", "catch", "do", "else", "repeat", "defer",
                      "struct", "class", "enum", "extension", "protocol", "actor", "let"}
# After these, a brace opens a closure whatever keyword is pending.
CLOSURE_AFTER = {"=", "(", "[", ",", ":", "return", "in", "??", "&&", "||", "!", "->", "throw", "try", "await"}
EXEMPTION = re.compile(r"longer than \d+ lines:", re.IGNORECASE)


def tokens(src):
    """Yields (kind, text, line) for the significant tokens of Swift source: words,
    punctuation, braces and newlines; strings as one token; comments as 'comment'."""
    i, line, n = 0, 1, len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            yield ("newline", c, line)
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            yield ("comment", src[i:j], line)
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            text = src[i:j]
            yield ("comment", text, line)
            line += text.count("\n")
            i = j
        elif c == '"' or (c == "#" and re.match(r'#+"', src[i:])):
            j, line = string_end(src, i, line)
            yield ("string", '""', line)
            i = j
        elif c.isalnum() or c == "_" or c == "$" or c == "@":
            m = re.match(r"[@$\w]+", src[i:])
            yield ("word", m.group(0), line)
            i += len(m.group(0))
        else:
            for op in ("??", "&&", "||", "->"):
                if src.startswith(op, i):
                    yield ("punct", op, line)
                    i += 2
                    break
            else:
                yield ("punct", c, line)
                i += 1


def string_end(src, i, line):
    """The index just past the string literal starting at `i`, and the line it ends on."""
    hashes = 0
    while src[i] == "#":
        hashes, i = hashes + 1, i + 1
    multi = src.startswith('"""', i)
    quote = '"""' if multi else '"'
    close = quote + "#" * hashes
    escape = "\\" + "#" * hashes
    j = i + len(quote)
    while j < len(src):
        if src.startswith(escape + "(", j):
            # an interpolation: skip to its closing parenthesis, minding nested strings
            j += len(escape) + 1
            depth = 1
            while j < len(src) and depth:
                if src[j] == '"':
                    j, line = string_end(src, j, line)
                    continue
                if src[j] == "(":
                    depth += 1
                elif src[j] == ")":
                    depth -= 1
                elif src[j] == "\n":
                    line += 1
                j += 1
            continue
        if src.startswith(escape, j):
            j += len(escape) + 1
            continue
        if src.startswith(close, j):
            return j + len(close), line
        if src[j] == "\n":
            line += 1
        j += 1
    return j, line


def bodies(src):
    """Yields (name, first line, last line) for every function-like body in `src`."""
    stack = []          # one entry per open brace: (kind, name, first line)
    paren = 0
    pending = None      # (keyword, name, line, paren depth) of the declaration or statement in progress
    previous = None     # the previous significant token
    for kind, text, line in tokens(src):
        if kind == "comment":
            continue
        if kind == "newline":
            # `var x = 1` ends at its line; a computed property opens its brace on the same line.
            if pending and pending[0] in ("var", "let") and paren == pending[3]:
                pending = None
            continue
        if kind == "word" and (text in FUNCTION_KEYWORDS or text in STATEMENT_KEYWORDS):
            if text in ("get", "set") and previous and previous[1] in (".", "("):
                pass    # a call or a member named like an accessor
            elif text in ("var", "let") and pending:
                pass    # `if let`, `case var`: the statement goes on
            else:
                pending = (text, text, line, paren)
        elif kind == "word" and pending and pending[0] in ("func", "var") and pending[1] == pending[0]:
            pending = (pending[0], pending[0] + " " + text, pending[2], pending[3])
        if kind == "punct" and text in "([":
            paren += 1
        elif kind == "punct" and text in ")]":
            paren -= 1
        elif kind == "punct" and text == "{":
            after = previous[1] if previous else ""
            if after in CLOSURE_AFTER or (previous and previous[0] == "string"):
                stack.append(("closure", "closure", line))
            elif pending and pending[3] == paren:
                k = "function" if pending[0] in FUNCTION_KEYWORDS else "other"
                stack.append((k, pending[1], pending[2]))
                pending = None
            else:
                stack.append(("closure", "closure", line))
            saved = paren
            stack[-1] = stack[-1] + (saved,)
            paren = 0
        elif kind == "punct" and text == "}":
            if stack:
                k, name, first, saved = stack.pop()
                paren = saved
                if k in ("function", "closure"):
                    yield (name, first, line)
        previous = (kind, text)


def explained(lines, first):
    """Whether the comment block just above line `first` (1-based), or that line, says why."""
    if EXEMPTION.search(lines[first - 1]):
        return True
    k = first - 2
    while k >= 0 and lines[k].strip().startswith(("//", "/*", "*", "@")):
        if EXEMPTION.search(lines[k]):
            return True
        k -= 1
    return False


def main(argv):
    limit, show_all, paths = 80, False, []
    args = iter(argv)
    for a in args:
        if a == "--limit":
            limit = int(next(args))
        elif a == "--all":
            show_all = True
        else:
            paths.append(a)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    if not paths:
        paths = [os.path.join(root, "Sources")]
    files = []
    for p in paths:
        if os.path.isdir(p):
            for d, _, names in os.walk(p):
                files += [os.path.join(d, f) for f in names if f.endswith(".swift")]
        else:
            files.append(p)
    unexplained = 0
    for path in sorted(files):
        src = open(path, encoding="utf-8").read()
        lines = src.split("\n")
        for name, first, last in bodies(src):
            length = last - first + 1
            if length <= limit:
                continue
            ok = explained(lines, first)
            if not ok:
                unexplained += 1
            if show_all or not ok:
                where = os.path.relpath(path, root)
                print(f"{where}:{first}: {name}: {length} lines{' (explained)' if ok else ''}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
