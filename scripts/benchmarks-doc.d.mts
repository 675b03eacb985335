export function replaceSection(file: string, name: string, body: string): void;
export function signIn(base: string, email: string, password: string): Promise<string>;
