/** A phone number's digits only, so `+7 (912) 345-67-89` and `79123456789` compare equal. */
export function digitsOf(value: string | null | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}

/** A search text long enough in digits to be meant as a phone number, or undefined. */
export function phoneSearchDigits(search: string | null | undefined): string | undefined {
  const digits = digitsOf(search);
  return digits.length >= 3 ? digits : undefined;
}
