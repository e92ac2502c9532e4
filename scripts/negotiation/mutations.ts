import type { Mutation } from './mutationKit';
import { ADD_TIME_MUTATIONS, LIBRESWAN5_MUTATIONS } from './mutationsAddTime';
import { MATERIAL_MUTATIONS } from './mutationsMaterial';
import { PAIRING_MUTATIONS } from './mutationsPairing';
import { STRUCTURE_MUTATIONS } from './mutationsStructure';
import type { Rng } from './random';
import type { PairCase } from './spec';
import { peerOf, sideOf } from './spec';

export type { Mutation } from './mutationKit';

/** The catalogue: one change to a consistent pair each, and the rule meant to notice it. */
export const MUTATIONS: readonly Mutation[] = [...PAIRING_MUTATIONS, ...MATERIAL_MUTATIONS, ...STRUCTURE_MUTATIONS, ...ADD_TIME_MUTATIONS];

/** The catalogue of a Libreswan 5 campaign: the common one and what only Libreswan 5 refuses. */
export const LIBRESWAN5_CATALOGUE: readonly Mutation[] = [...MUTATIONS, ...LIBRESWAN5_MUTATIONS];

export function mutationNamed(name: string): Mutation | undefined {
  return LIBRESWAN5_CATALOGUE.find((m) => m.name === name);
}

/** Applies one mutation chosen by weight among those that fit the pair (or the one named). */
export function mutate(pair: PairCase, rng: Rng, only?: readonly string[], catalogue: readonly Mutation[] = MUTATIONS): void {
  const candidates = catalogue.filter((m) => m.applies(pair) && (!only || only.includes(m.name)));
  if (candidates.length === 0) return;
  const mutation = rng.weighted(candidates.map((m) => [m, m.weight] as const));
  const host = rng.pick(['west', 'east'] as const);
  const side = sideOf(pair, host);
  const peer = sideOf(pair, peerOf(host));
  pair.detail = mutation.apply(pair, side, peer, rng);
  pair.mutation = mutation.name;
  pair.mutatedSide = mutation.name === 'none' ? undefined : host;
}
