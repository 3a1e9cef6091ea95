/** The requests the evaluation child process answers, and its answers. */
import type { InspectionRequest, InspectionResponse } from '../inspect/compiled-inspection.ts';
import type { EvaluationRequest, EvaluationResponse } from '../read/evaluation.ts';

export type ChildRequest = EvaluationRequest | InspectionRequest;
export type ChildResponse = EvaluationResponse | InspectionResponse;

/** The answer type of each request type. */
export type ResponseTo<R extends ChildRequest> = R extends EvaluationRequest
  ? EvaluationResponse
  : InspectionResponse;
