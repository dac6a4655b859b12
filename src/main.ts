// The gateway process's entry point (`npm start`, the image's `node dist/main.js`): the
// gateway configured from the environment. What it does is in src/http/run-gateway.ts.
import { exitOnStartFailure, runGateway } from './http/run-gateway.ts';

runGateway({ env: process.env }).catch(exitOnStartFailure);
