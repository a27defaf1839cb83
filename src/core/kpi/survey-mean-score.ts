/**
 * Survey mean: the mean response on the survey's own scale (satisfaction, engagement, customer
 * effort). The scale (minimum and maximum) is recorded beside the mean, never mixed: responses
 * on different scales are not averaged together.
 *
 * Method: Σ score ÷ responses. NaN with no response. Inner helper: no validation.
 *
 * Units: points of the survey scale. Reference: seed paper, families 5 (satisfaction and
 * engagement survey means) and 6 (customer effort, mean on the survey's scale). Complexity: O(1).
 *
 * @example
 * surveyMeanScore(37, 10); // 3.7
 */
export function surveyMeanScore(sumOfScores: number, responses: number): number {
  if (!(responses > 0)) return NaN;
  return sumOfScores / responses;
}
