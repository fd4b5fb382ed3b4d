#!/usr/bin/env python3
"""Re-runs a Liandong lottery draw from its public JSON, independently of the server (docs/supply.md, "Lottery").

    curl -s http://host/supply/public/lottery/<round>/draw.json > draw.json
    python3 bench/lottery-redraw.py draw.json

Checks that SHA-256(seed) is the commitment published when the round opened, recomputes the order from the seed and
the sorted registrations, and compares it with the published order, number drawn and hashes. Exit code 0: the same.
Without an argument it prints the test vector of the documentation.
"""
import hashlib
import json
import sys


def stream(seed):
    counter = 0
    while True:
        yield from hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        counter += 1


def shuffle(seed, references):
    s = stream(seed)

    def next64():
        return int.from_bytes(bytes(next(s) for _ in range(8)), "big")

    def uniform(m):
        limit = 2**64 - (2**64 % m)
        while True:
            x = next64()
            if x < limit:
                return x % m

    a = sorted(references)
    for i in range(len(a) - 1, 0, -1):
        j = uniform(i + 1)
        a[i], a[j] = a[j], a[i]
    return a


def digest(lines):
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def main():
    if len(sys.argv) < 2:
        seed = bytes(range(32))
        refs = ["%016x" % (i * 0x1111111111111111) for i in range(1, 11)]
        print("commitment", hashlib.sha256(seed).hexdigest())
        print("order", " ".join(shuffle(seed, refs)))
        return 0
    with open(sys.argv[1], encoding="utf-8") as f:
        draw = json.load(f)
    problems = []
    if draw.get("seed") is None:
        print("not drawn yet; commitment", draw["commitment"])
        return 0
    seed = bytes.fromhex(draw["seed"])
    if hashlib.sha256(seed).hexdigest() != draw["commitment"]:
        problems.append("SHA-256(seed) is not the published commitment")
    registrations = draw["registrations"]
    if digest(sorted(registrations)) != draw["registrationsHash"]:
        problems.append("the registrations do not match their hash")
    order = shuffle(seed, registrations)
    if order != draw["order"]:
        for rank, (mine, theirs) in enumerate(zip(order, draw["order"]), 1):
            if mine != theirs:
                problems.append("rank %d: re-run gives %s, published %s" % (rank, mine, theirs))
    if digest(order) != draw["resultHash"]:
        problems.append("the re-run order does not match the published result hash")
    k = draw["drawn"]
    print("registrations %d, drawn %d; winners: %s" % (len(registrations), k, " ".join(order[:k][:20])
                                                        + (" ..." if k > 20 else "")))
    for p in problems:
        print("PROBLEM:", p)
    print("same result" if not problems else "%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
