#!/usr/bin/python3
"""Writes the .npy and text fixtures of sim/trace's reader tests.

Run from this directory with Debian's NumPy (apt-get install python3-numpy):

    /usr/bin/python3 make_fixtures.py

Valid logs go with their expected content in expected.json: for each file,
steps, layers and every selection sorted with the -1 padding removed, as the
Go readers must return them. Files the readers must refuse are named bad_*;
the Go tests hold the error each must give.
"""
import json

import numpy as np

rng = np.random.RandomState(20260324)


def random_log(steps, layers, k, context, pad=0):
    """Distinct indices per selection, the last `pad` slots set to -1."""
    a = np.empty((steps, layers, k), dtype=np.int64)
    for t in range(steps):
        for l in range(layers):
            row = np.unique(rng.randint(0, context + t, size=4 * k, dtype=np.int64))
            row = rng.permutation(row)[:k]  # distinct, in random order
            row[k - pad:] = -1
            a[t, l] = row
    return a


def expected(a):
    if a.ndim == 2:
        a = a[:, None, :]
    return {
        "steps": int(a.shape[0]),
        "layers": int(a.shape[1]),
        "selections": [[sorted(int(v) for v in row if v != -1) for row in step] for step in a],
    }


def save(name, a, version=None):
    with open(name, "wb") as f:
        np.lib.format.write_array(f, a, version=version, allow_pickle=False)


valid = {}


def good(name, a, version=None):
    save(name, a, version)
    valid[name] = expected(a)


base = random_log(3, 2, 5, context=40, pad=1)
good("int32.npy", base.astype("<i4"))
good("int64.npy", random_log(2, 3, 6, context=100, pad=2).astype("<i8"))
good("bigendian.npy", base.astype(">i4"))
good("bigendian64.npy", base.astype(">i8"))
good("int16.npy", base.astype("<i2"))
good("uint16.npy", random_log(2, 2, 4, context=60000).astype("<u2"))
good("uint32.npy", random_log(2, 2, 4, context=2**31 - 10).astype("<u4"))
good("int8.npy", base.astype("i1"))
good("one_layer.npy", random_log(4, 1, 3, context=20)[:, 0, :].astype("<i4"))
good("version2.npy", base.astype("<i4"), version=(2, 0))
good("version3.npy", base.astype("<i4"), version=(3, 0))
good("all_padding.npy", np.full((1, 2, 3), -1, dtype="<i4"))

save("bad_fortran.npy", np.asfortranarray(random_log(2, 3, 4, context=30).astype("<i4")))
save("bad_float.npy", base.astype("<f4"))
dup = base.astype("<i4").copy()
dup[1, 0, 2] = dup[1, 0, 0]
save("bad_duplicate.npy", dup)
neg = base.astype("<i4").copy()
neg[2, 1, 3] = -5
save("bad_negative.npy", neg)
save("bad_too_large.npy", np.array([[[5, 2**31]]], dtype="<u4"))
save("bad_shape.npy", np.arange(4, dtype="<i4"))
save("bad_empty.npy", np.zeros((0, 2, 3), dtype="<i4"))
with open("int32.npy", "rb") as f:
    whole = f.read()
with open("bad_truncated.npy", "wb") as f:
    f.write(whole[:-6])
with open("bad_trailing.npy", "wb") as f:
    f.write(whole + b"\x00\x00\x00\x00")
# A header claiming 10^12 entries in a file of a few hundred bytes.
old, new = b"(3, 2, 5)", b"(1000000, 1000, 1000)"
header_len = int.from_bytes(whole[8:10], "little") + len(new) - len(old)
huge = whole.replace(old, new)
huge = huge[:8] + header_len.to_bytes(2, "little") + huge[10:]
with open("bad_huge_shape.npy", "wb") as f:
    f.write(huge)

# The text form: comments, blank lines, padding, lines out of order.
text = [
    "# step layer indices (a comment)",
    "",
    "1 0 7 3 -1 12",
    "0 1 5 4",
    "\t0 0\t9 1 2",
    "1 1 -1 -1",
    "",
]
with open("sample.txt", "w") as f:
    f.write("\n".join(text))
valid["sample.txt"] = {
    "steps": 2,
    "layers": 2,
    "selections": [[[1, 2, 9], [4, 5]], [[3, 7, 12], []]],
}

with open("expected.json", "w") as f:
    entries = ["%s: %s" % (json.dumps(name), json.dumps(valid[name])) for name in sorted(valid)]
    f.write("{\n" + ",\n".join(entries) + "\n}\n")
