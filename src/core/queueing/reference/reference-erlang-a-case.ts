/**
 * The reference Erlang A case of the specs: 100 calls in 30 min (a = 10 Erlangs), AHT 180 s,
 * mean patience 300 s, 14 agents, t = 20 s. No publication gives these figures: they are the
 * closed forms of Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call
 * centers", 2005 (as docs/queueing.md writes them) evaluated at 50 significant digits with
 * mpmath 1.3, independently of this repository's code:
 *
 *   from mpmath import mp, mpf, gammainc, exp; mp.dps = 50
 *   n, a, aht, patience, t = 14, 10, 180, 300, 20
 *   mu, th = 1/mpf(aht), 1/mpf(patience); x, y = n*mu/th, a*mu/th; yp = y*exp(-th*t)
 *   g = lambda s, z: gammainc(s, 0, z)                       # lower incomplete gamma
 *   B = mpf(1)
 *   for k in range(1, n + 1): B = a*B/(k + a*B)              # Erlang B(n, a)
 *   J = x*exp(y)*y**(-x)*g(x, y); P = J*B/(1 + (J - 1)*B)    # P(wait > 0)
 *   abandon = P*(1 - g(x + 1, y)/(y*g(x, y)))
 *   answered_within = 1 - P + P*(g(x + 1, y) - g(x + 1, yp))/(y*g(x, y))
 *   abandoned_within = P*(y*g(x, y) - g(x + 1, y) - yp*g(x, yp) + g(x + 1, yp))/(y*g(x, y))
 *
 * Printed to 50 digits: 0.14526011429636120293…, 0.013983744122408937537…,
 * 0.91679209186354687114…, 0.0071639354111986052247…; below, the nearest doubles.
 *
 * Reference data (tests only). The erlangA specs compare the production kernels with these
 * figures; the birth–death chain (erlang-a-birth-death.ts) reaches them by another road, with
 * no incomplete gamma at all.
 */
export const REFERENCE_ERLANG_A_CASE = {
  agents: 14,
  trafficErlangs: 10,
  ahtSeconds: 180,
  patienceSeconds: 300,
  thresholdSeconds: 20,
  waitProbability: 0.1452601142963612,
  abandonRate: 0.013983744122408938,
  answeredWithinThreshold: 0.9167920918635468,
  abandonedWithinThreshold: 0.007163935411198605,
} as const;
