"""Generates the coefficient tables of src/math/incomplete-gamma-temme.ts (not run by the tests).

Temme's uniform expansion of the incomplete gamma functions (DLMF 8.12) needs
c_k(eta), k = 0..9, as power series in eta, with lambda - 1 = z(eta) defined by
eta^2/2 = z - log(1 + z):
    c_0 = 1/z - 1/eta,   c_k = (1/eta) d c_{k-1}/d eta + (-1)^k g_k / z   (DLMF 8.12.9-10),
g_k the Stirling coefficients of Gamma (1, 1/12, 1/288, -139/51840, ...). Everything is
exact rational power-series arithmetic (fractions.Fraction); the 1/eta poles cancel exactly
(asserted). Each row is cut where |d_kn| 0.5^n 20^-k < 1e-19 (|eta| <= 0.5 covers
|x/a - 1| <= 0.4; a >= 20). Output: TypeScript arrays C and LAMBDA on stdout.

Usage: python3 test/math/temme-coefficients.py
"""
from fractions import Fraction as F
from math import comb

ORDER = 48   # terms of c_0 kept before the cut
K = 10       # c_0 .. c_9


def mul(a, b, n):
    r = [F(0)] * n
    for i, ai in enumerate(a[:n]):
        if ai:
            for j, bj in enumerate(b[:n - i]):
                r[i + j] += ai * bj
    return r


def inv(a, n):
    r = [F(0)] * n
    r[0] = 1 / a[0]
    for k in range(1, n):
        r[k] = -sum(a[j] * r[k - j] for j in range(1, min(k, len(a) - 1) + 1)) / a[0]
    return r


def stirling_g(n):
    """g_k with Gamma(z) ~ sqrt(2 pi) z^(z - 1/2) e^-z sum_k g_k z^-k, k < n."""
    B = [F(0)] * (2 * n + 1)
    B[0] = F(1)
    for m in range(1, 2 * n + 1):
        B[m] = -sum(comb(m + 1, j) * B[j] for j in range(m)) / (m + 1)
    L = [F(0)] * n  # log of the series in w = 1/z
    for j in range(1, n):
        if 2 * j - 1 < n:
            L[2 * j - 1] = B[2 * j] / (2 * j * (2 * j - 1))
    E = [F(1)] + [F(0)] * (n - 1)  # exp: E' = L' E
    for k in range(1, n):
        E[k] = sum(j * L[j] * E[k - j] for j in range(1, k + 1)) / k
    return E


def log_series_tail(z, n):
    """sum_{m>=2} (-1)^m z^m / m = z - log(1 + z), for a series z with z[0] = 0."""
    r = [F(0)] * n
    p = mul(z[:n] + [F(0)] * max(0, n - len(z)), z, n)
    m = 2
    while any(p) and m <= n:
        for i in range(n):
            r[i] += F((-1) ** m, m) * p[i]
        p = mul(p, z, n)
        m += 1
    return r


def main():
    n = ORDER + 2 * K + 3
    z = [F(0), F(1)] + [F(0)] * (n - 2)  # z(eta) = lambda - 1, solved order by order
    for k in range(2, n):
        z[k] = -log_series_tail(z, k + 2)[k + 1]
    check = log_series_tail(z, n)
    assert check[2] == F(1, 2) and all(v == 0 for i, v in enumerate(check) if i != 2)
    r = inv(z[1:], n - 1)  # eta/z
    g = stirling_g(K)
    c = [r[1:]]  # c_0 = (eta/z - 1)/eta
    for k in range(1, K):
        prev = c[-1]
        w = [i * prev[i] + (-1) ** k * g[k] * r[i - 1] for i in range(1, len(prev))]
        assert w[0] == 0
        c.append(w[1:])
    print('const C: readonly (readonly number[])[] = [')
    for k in range(K):
        last = max(i for i, v in enumerate(c[k]) if abs(float(v)) * 0.5 ** i * 20.0 ** -k > 1e-19)
        print('  [' + ', '.join(repr(float(v)) for v in c[k][:last + 1]) + '],')
    print('];')
    print('const LAMBDA: readonly number[] = [' + ', '.join(repr(float(v)) for v in z[1:26]) + '];')


if __name__ == '__main__':
    main()
