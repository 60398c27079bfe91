/** SCB's code for the whole country (riket) in our region table; län have two digits, kommuner four. */
export const RIKET_CODE = '00';
