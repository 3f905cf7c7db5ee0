import { LoginRequest, SignupRequest } from '@headliner/contracts';
import { ProblemError, validate } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { AccessTokens } from '../domain/access-token';
import type { CredentialCheck } from '../domain/credentials';
import { hashPassword } from '../domain/password-hash';
import { UsernameTaken, type Users } from '../infra/users';

export interface AuthHandlerOptions {
  users: Users;
  checkCredentials: CredentialCheck;
  tokens: AccessTokens;
  adminUsername: string;
  scryptCost: number;
}

/** POST /api/v1/auth/signup and /login, the only public operations the gateway answers itself. */
export function authHandlers(options: AuthHandlerOptions): Record<string, RequestHandler[]> {
  const signupInput = validate({ body: SignupRequest });
  const loginInput = validate({ body: LoginRequest });

  const signup: RequestHandler = async (_req, res) => {
    const { username, password } = signupInput.input(res).body;
    // The admin signs in from configuration; a row of the same name could never sign in.
    if (username === options.adminUsername) throw usernameTaken(username);
    const passwordHash = await hashPassword(password, options.scryptCost);
    try {
      const userId = await options.users.create(username, passwordHash);
      res.status(201).json({ userId });
    } catch (error) {
      throw error instanceof UsernameTaken ? usernameTaken(username) : error;
    }
  };

  const login: RequestHandler = async (_req, res) => {
    const { username, password } = loginInput.input(res).body;
    const caller = await options.checkCredentials(username, password);
    if (!caller) {
      throw ProblemError.unauthorized('Wrong username or password.', {
        type: 'invalid-credentials',
      });
    }
    res.json({ accessToken: options.tokens.issue(caller), userId: caller.userId });
  };

  return { signup: [signupInput, signup], login: [loginInput, login] };
}

function usernameTaken(username: string): ProblemError {
  return ProblemError.conflict(`The username "${username}" is taken.`, {
    type: 'username-taken',
  });
}
