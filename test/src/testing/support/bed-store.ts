/**
 * The store the kit's own suites open their beds on: the store of this test project
 * (`PM_ORION_STORE`, see test/scenarios/orion/support/stores.ts), as `OrionTestBed.open` takes it.
 */
import {
  OrionTestBed,
  type OrionTestBedOpenOptions,
  type TestBedStoreChoice,
} from '../../../../src/testing/index.ts';
import { postgresUrl, STORE_KIND } from '../../../scenarios/orion/support/stores.ts';

const BED_STORE: TestBedStoreChoice =
  STORE_KIND === 'postgres' ? { url: postgresUrl() } : STORE_KIND;

/** A bed on `BED_STORE`: `await using bed = await openBed()`. */
export function openBed(
  options: Omit<OrionTestBedOpenOptions, 'store'> = {},
): Promise<OrionTestBed> {
  return OrionTestBed.open({ store: BED_STORE, ...options });
}
