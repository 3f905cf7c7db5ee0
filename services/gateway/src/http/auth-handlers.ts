import { LoginRequest, LogoutRequest, RefreshRequest, SignupRequest } from '@headliner/contracts';
import { ProblemError, validate } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { CredentialCheck } from '../domain/credentials';
import { HashingBusy, type PasswordHashing } from '../domain/password-hashing';
import type { Sessions } from '../domain/sessions';
import { UsernameTaken, type Users } from '../infra/users';
import { clientIp } from './client-ip';
import type { LoginThrottle } from './login-throttle';

export interface AuthHandlerOptions {
  users: Users;
  checkCredentials: CredentialCheck;
  hashing: PasswordHashing;
  sessions: Sessions;
  loginThrottle: LoginThrottle;
  /** Runs before a sign-up is hashed: the per-IP sign-up limit. */
  signupThrottle: RequestHandler;
  adminUsername: string;
}

/** The auth operations, the only public ones the gateway answers itself. */
export function authHandlers(options: AuthHandlerOptions): Record<string, RequestHandler[]> {
  const signupInput = validate({ body: SignupRequest });
  const loginInput = validate({ body: LoginRequest });
  const refreshInput = validate({ body: RefreshRequest });
  const logoutInput = validate({ body: LogoutRequest });

  const signup: RequestHandler = async (_req, res) => {
    const { username, password } = signupInput.input(res).body;
    // The admin signs in from configuration; a row of the same name could never sign in.
    if (username === options.adminUsername) throw usernameTaken(username);
    const passwordHash = await inHashSlot(() => options.hashing.hash(password));
    try {
      const userId = await options.users.create(username, passwordHash);
      res.status(201).json({ userId });
    } catch (error) {
      throw error instanceof UsernameTaken ? usernameTaken(username) : error;
    }
  };

  const login: RequestHandler = async (req, res) => {
    const { username, password } = loginInput.input(res).body;
    const ip = clientIp(req);
    const caller = await inHashSlot(async () => {
      await options.loginThrottle.refuseIfBlocked(username, ip);
      return options.checkCredentials(username, password);
    });
    if (!caller) {
      await options.loginThrottle.failed(username, ip);
      throw ProblemError.unauthorized('Wrong username or password.', {
        type: 'invalid-credentials',
      });
    }
    await options.loginThrottle.succeeded(username);
    res.json(await options.sessions.start(caller));
  };

  const refresh: RequestHandler = async (_req, res) => {
    const tokens = await options.sessions.refresh(refreshInput.input(res).body.refreshToken);
    if (!tokens) {
      throw ProblemError.unauthorized('The refresh token is not valid any more; sign in again.', {
        type: 'invalid-refresh-token',
      });
    }
    res.json(tokens);
  };

  const logout: RequestHandler = async (_req, res) => {
    await options.sessions.end(logoutInput.input(res).body.refreshToken);
    res.status(204).end();
  };

  /** Runs the work in a hash slot, or answers 503 at once when every slot is taken. */
  async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await options.hashing.inSlot(work);
    } catch (error) {
      throw error instanceof HashingBusy ? signInBusy(error.retryAfterSeconds) : error;
    }
  }

  return {
    signup: [signupInput, options.signupThrottle, signup],
    login: [loginInput, login],
    refreshTokens: [refreshInput, refresh],
    logout: [logoutInput, logout],
  };
}

function signInBusy(retryAfterSeconds: number): ProblemError {
  return ProblemError.serviceUnavailable(
    `Too many sign-ins at this moment; retry in ${retryAfterSeconds} s.`,
    { type: 'sign-in-busy', headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

function usernameTaken(username: string): ProblemError {
  return ProblemError.conflict(`The username "${username}" is taken.`, {
    type: 'username-taken',
  });
}
