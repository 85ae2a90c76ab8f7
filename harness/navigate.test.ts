import { describe, expect, it } from 'vitest';
import { responseProblem } from './navigate.ts';

describe('one HTTP rule for portico audit and journeys', () => {
  it.each([[401], [403], [404], [410], [500], [503]])('a page asked for (GET) that answers %i is not the page', (status) => {
    expect(responseProblem('GET', status)).toBe(`HTTP ${status}`);
  });
  it('a form answered 422 with its errors is the page the person meets; a 5xx after a POST is the server failing', () => {
    expect(responseProblem('POST', 422)).toBeNull();
    expect(responseProblem('POST', 409)).toBeNull();
    expect(responseProblem('POST', 500)).toBe('HTTP 500');
  });
  it('2xx and 3xx are pages', () => {
    expect(responseProblem('GET', 200)).toBeNull();
    expect(responseProblem('GET', 304)).toBeNull();
    expect(responseProblem('POST', 303)).toBeNull();
  });
});
