/** The requests the evaluation child process answers, and its answers. */
import type { BenchRequest, BenchResponse } from '../bench/measure/bench-request.ts';
import type { InspectionRequest, InspectionResponse } from '../inspect/compiled-inspection.ts';
import type { EvaluationRequest, EvaluationResponse } from '../read/evaluation.ts';

export type ChildRequest = EvaluationRequest | InspectionRequest | BenchRequest;
export type ChildResponse = EvaluationResponse | InspectionResponse | BenchResponse;

/** The answer type of each request type. */
export type ResponseTo<R extends ChildRequest> = R extends EvaluationRequest
  ? EvaluationResponse
  : R extends BenchRequest
    ? BenchResponse
    : InspectionResponse;
