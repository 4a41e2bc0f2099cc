export { waitFor, within, pause } from './wait-for';
